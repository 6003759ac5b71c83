package dev.tunegate.engine.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Prices of model tokens in US dollars per million tokens, by model name prefix: the table shipped as
 * the resource {@value #RESOURCE}, with the entries of the file named by {@code tunegate.prices}
 * added or replacing them. A model's price is the entry with the longest prefix of its name
 * ({@code tunedModels/} prices every tuned model that has no entry of its own).
 *
 * <p>The file is a properties file: {@code <prefix>.input}, {@code <prefix>.output} and optionally
 * {@code <prefix>.thinking} (default: the output price), e.g.
 * {@code models/gemini-2.5-flash.output=2.50}.
 *
 * @param prices price per model name prefix
 */
@API(status = API.Status.INTERNAL)
public record PriceTable(Map<String, Price> prices) {

    /** The shipped table on the classpath. */
    public static final String RESOURCE = "/tunegate-prices.properties";

    public PriceTable {
        prices = Map.copyOf(prices);
    }

    /**
     * US dollars per million tokens.
     *
     * @param input    prompt tokens
     * @param output   output (candidate) tokens
     * @param thinking thinking tokens
     */
    public record Price(double input, double output, double thinking) {

        /** The cost of these token counts in US dollars. */
        public double cost(long inputTokens, long outputTokens, long thinkingTokens) {
            return (inputTokens * input + outputTokens * output + thinkingTokens * thinking) / 1_000_000.0;
        }
    }

    /** The price of {@code model}: the entry with the longest prefix of its name, if any. */
    public Optional<Price> of(String model) {
        String best = null;
        for (String prefix : prices.keySet()) {
            if (model != null && model.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return Optional.ofNullable(best).map(prices::get);
    }

    /** The shipped table with {@code override}'s entries on top; throws naming the file and entry when one is invalid. */
    public static PriceTable load(Optional<Path> override) {
        Properties properties = new Properties();
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the price table " + RESOURCE + " is missing from the classpath");
            }
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
        PriceTable shipped = parse(properties, RESOURCE);
        if (override.isEmpty()) {
            return shipped;
        }
        Properties user = new Properties();
        try (Reader in = Files.newBufferedReader(override.get(), StandardCharsets.UTF_8)) {
            user.load(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot be read: " + e.getMessage(), e);
        }
        Map<String, Price> merged = new TreeMap<>(shipped.prices());
        merged.putAll(parse(user, override.get().toString()).prices());
        return new PriceTable(merged);
    }

    private static PriceTable parse(Properties properties, String source) {
        Map<String, Price> prices = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            int dot = key.lastIndexOf('.');
            String field = dot < 0 ? "" : key.substring(dot + 1);
            if (!field.equals("input") && !field.equals("output") && !field.equals("thinking")) {
                throw new IllegalArgumentException(
                        source + ": '" + key + "' is not <model prefix>.input, .output or .thinking");
            }
            String prefix = key.substring(0, dot);
            if (prices.containsKey(prefix)) {
                continue;
            }
            double input = number(properties, prefix + ".input", source, null);
            double output = number(properties, prefix + ".output", source, null);
            double thinking = number(properties, prefix + ".thinking", source, output);
            prices.put(prefix, new Price(input, output, thinking));
        }
        return new PriceTable(prices);
    }

    private static double number(Properties properties, String key, String source, Double fallback) {
        String value = properties.getProperty(key);
        if (value == null && fallback != null) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value == null ? "" : value.strip());
            if (parsed >= 0 && Double.isFinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + ": '" + key + "' needs a price >= 0 in US dollars per million"
                + " tokens, was " + (value == null ? "missing" : "'" + value + "'"));
    }
}
