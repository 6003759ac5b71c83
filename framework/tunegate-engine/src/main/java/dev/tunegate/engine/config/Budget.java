package dev.tunegate.engine.config;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A run's spending limit ({@code tunegate.budget}): tokens ({@code 200000 tokens}) or US dollars
 * ({@code 0.50 USD} or {@code $0.50}). When the next model call would exceed it, no new call is made
 * and the run is reported as incomplete, never as passed.
 *
 * @param limit the limit, in {@code unit}
 * @param unit  tokens or US dollars
 */
@API(status = API.Status.INTERNAL)
public record Budget(double limit, Unit unit) {

    /** What a budget counts. */
    public enum Unit {
        /** Prompt, output and thinking tokens of every call. */
        TOKENS,
        /** US dollars, from the price table. */
        USD
    }

    public Budget {
        if (!(limit > 0) || !Double.isFinite(limit)) {
            throw new IllegalArgumentException("a budget is a positive amount, was " + limit);
        }
    }

    /** Parses {@code 200000 tokens}, {@code 0.5 USD} or {@code $0.5}. */
    public static Budget parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replace("_", "");
        try {
            if (v.startsWith("$")) {
                return new Budget(Double.parseDouble(v.substring(1).strip()), Unit.USD);
            }
            if (v.endsWith("usd")) {
                return new Budget(
                        Double.parseDouble(v.substring(0, v.length() - 3).strip()), Unit.USD);
            }
            if (v.endsWith("tokens")) {
                return new Budget(
                        Double.parseDouble(v.substring(0, v.length() - 6).strip()), Unit.TOKENS);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("is not a budget such as '200000 tokens', '0.50 USD' or '$0.50'");
    }

    /** The limit as written, e.g. {@code 200000 tokens} or {@code 0.50 USD}. */
    public String describe() {
        return unit == Unit.TOKENS
                ? String.format(Locale.ROOT, "%.0f tokens", limit)
                : String.format(Locale.ROOT, "%.4f USD", limit);
    }
}
