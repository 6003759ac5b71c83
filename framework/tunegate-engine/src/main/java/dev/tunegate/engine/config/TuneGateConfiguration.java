package dev.tunegate.engine.config;

import static dev.tunegate.engine.Constants.PREFIX;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.support.config.PrefixedConfigurationParameters;

/**
 * The engine's configuration, read once from JUnit configuration parameters (keys in
 * {@link dev.tunegate.engine.Constants}). Invalid values are replaced by their defaults and listed
 * in {@link #problems()}, which discovery reports and execution fails on.
 */
public record TuneGateConfiguration(
        Optional<URI> endpoint,
        String apiKeyEnv,
        int concurrency,
        OptionalDouble requestsPerMinute,
        int lookAhead,
        boolean streaming,
        Optional<Set<String>> variants,
        Optional<Pattern> nameFilter,
        Duration requestTimeout,
        int retryMaxAttempts,
        Duration tuningTimeout,
        Duration tuningPollInterval,
        long suiteMaxBytes,
        int suiteMaxAliasNodes,
        Optional<Path> projectRoot,
        Optional<Path> emulatorDataDir,
        boolean discoveryAsRootEngine,
        List<String> problems,
        dev.tunegate.engine.comparison.ComparisonSettings comparison) {

    /** {@code tunegate.endpoint} value that starts the in-process emulator. */
    public static final String EMBEDDED = "embedded";

    /** Reads and checks every key. */
    public static TuneGateConfiguration from(ConfigurationParameters parameters) {
        return new Reader(new PrefixedConfigurationParameters(parameters, PREFIX)).read();
    }

    /** True when model calls go to the in-process emulator. */
    public boolean embedded() {
        return endpoint.isEmpty();
    }

    private static final class Reader {
        private final ConfigurationParameters params;
        private final List<String> problems = new ArrayList<>();

        Reader(ConfigurationParameters params) {
            this.params = params;
        }

        TuneGateConfiguration read() {
            Optional<URI> endpoint = string("endpoint").filter(v -> !v.equalsIgnoreCase(EMBEDDED)).flatMap(this::endpoint);
            String apiKeyEnv = string("api-key.env").orElse("GEMINI_API_KEY");
            if (!apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                problem("api-key.env", apiKeyEnv, "is not an environment variable name");
                apiKeyEnv = "GEMINI_API_KEY";
            }
            int concurrency = positiveInt("concurrency", 8);
            OptionalDouble rpm = string("rate-limit.rpm").map(v -> {
                try {
                    double d = Double.parseDouble(v);
                    if (d > 0 && Double.isFinite(d)) {
                        return OptionalDouble.of(d);
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                problem("rate-limit.rpm", v, "is not a positive number of requests per minute");
                return OptionalDouble.empty();
            }).orElse(OptionalDouble.empty());
            int lookAhead = Math.max(concurrency, positiveInt("look-ahead", Math.max(16, 4 * concurrency)));
            boolean streaming = bool("streaming", false);
            Optional<Set<String>> variants = string("variants").map(v -> {
                Set<String> names = new LinkedHashSet<>();
                for (String name : v.split(",")) {
                    if (!name.isBlank()) {
                        names.add(name.trim());
                    }
                }
                return Set.copyOf(names);
            });
            Optional<Pattern> nameFilter = string("filter.name").flatMap(v -> {
                try {
                    return Optional.of(Pattern.compile(v));
                } catch (PatternSyntaxException e) {
                    problem("filter.name", v, "is not a regular expression: " + e.getDescription());
                    return Optional.empty();
                }
            });
            Duration requestTimeout = duration("request-timeout", Duration.ofSeconds(60));
            int attempts = positiveInt("retry.max-attempts", 3);
            Duration tuningTimeout = duration("tuning.timeout", Duration.ofMinutes(30));
            Duration poll = duration("tuning.poll-interval", Duration.ofMillis(500));
            long maxBytes = positiveInt("suite.max-bytes", 5 * 1024 * 1024);
            int maxAliasNodes = positiveInt("suite.max-alias-nodes", 10_000);
            Optional<Path> root = path("project-root");
            Optional<Path> dataDir = path("emulator.data-dir");
            boolean asRootEngine = bool("discovery.as-root-engine", true);
            var comparison = dev.tunegate.engine.comparison.ComparisonSettings.read(params, root, problems::add);
            return new TuneGateConfiguration(endpoint, apiKeyEnv, concurrency, rpm, lookAhead, streaming, variants,
                    nameFilter, requestTimeout, attempts, tuningTimeout, poll, maxBytes, maxAliasNodes, root, dataDir,
                    asRootEngine, List.copyOf(problems), comparison);
        }

        private Optional<Path> path(String key) {
            return string(key).flatMap(v -> {
                try {
                    return Optional.of(Path.of(v));
                } catch (java.nio.file.InvalidPathException e) {
                    problem(key, v, "is not a valid path: " + e.getReason());
                    return Optional.empty();
                }
            });
        }

        private Optional<String> string(String key) {
            return params.get(key).map(String::trim).filter(v -> !v.isEmpty());
        }

        private Optional<URI> endpoint(String value) {
            try {
                URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                        && (uri.getPath() == null || uri.getPath().isEmpty()) && uri.getQuery() == null) {
                    return Optional.of(uri);
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            problem("endpoint", value, "is neither 'embedded' nor an http(s) base URL without a path (e.g. https://generativelanguage.googleapis.com)");
            return Optional.empty();
        }

        private int positiveInt(String key, int fallback) {
            Optional<String> value = string(key);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                int parsed = Integer.parseInt(value.get());
                if (parsed > 0) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problem(key, value.get(), "is not a positive whole number");
            return fallback;
        }

        private boolean bool(String key, boolean fallback) {
            Optional<String> value = string(key);
            if (value.isEmpty()) {
                return fallback;
            }
            if (value.get().equalsIgnoreCase("true") || value.get().equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value.get());
            }
            problem(key, value.get(), "is not true or false");
            return fallback;
        }

        private Duration duration(String key, Duration fallback) {
            Optional<String> value = string(key);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                Duration parsed = Duration.parse(value.get());
                if (!parsed.isNegative() && !parsed.isZero()) {
                    return parsed;
                }
            } catch (DateTimeParseException ignored) {
                // reported below
            }
            problem(key, value.get(), "is not a positive ISO-8601 duration such as PT30S");
            return fallback;
        }

        private void problem(String key, String value, String reason) {
            problems.add(PREFIX + key + "='" + value + "' " + reason);
        }
    }
}
