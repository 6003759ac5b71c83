package dev.tunegate.engine;

import static dev.tunegate.engine.Constants.PREFIX;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Typed values of JUnit configuration parameters, for {@link ConfigurationReader}: each accessor
 * trims, parses and checks one key; a value that is not valid becomes a problem naming the key, and
 * the caller's fallback is used.
 */
final class ConfigurationValues {

    private final ConfigurationParameters params;
    private final List<String> problems = new ArrayList<>();

    ConfigurationValues(ConfigurationParameters params) {
        this.params = params;
    }

    /** The problems found so far, in the order found. */
    List<String> problems() {
        return problems;
    }

    /** Records a problem in its own words. */
    void problem(String message) {
        problems.add(message);
    }

    /** Records that {@code key} has a {@code value} that is not valid, and why. */
    void problem(String key, String value, String reason) {
        problems.add(key + "='" + value + "' " + reason);
    }

    /** The value as set, untrimmed. */
    Optional<String> raw(String key) {
        return params.get(key);
    }

    /**
     * Every {@code tunegate.*} key set: the launcher's explicit and file parameters list theirs, and
     * system properties are read by the launcher too but not listed by it.
     */
    Set<String> tunegateKeys() {
        Set<String> keys = new TreeSet<>();
        for (String key : params.keySet()) {
            if (key.startsWith(PREFIX)) {
                keys.add(key);
            }
        }
        for (String key : System.getProperties().stringPropertyNames()) {
            if (key.startsWith(PREFIX) && params.get(key).isPresent()) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** The trimmed value; empty when unset or blank. */
    Optional<String> string(String key) {
        return params.get(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** A comma-separated list of names, in order, without blanks and repeats. */
    Optional<Set<String>> names(String key) {
        return string(key).map(v -> {
            Set<String> names = new LinkedHashSet<>();
            for (String name : v.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
            return names;
        });
    }

    /** A path; empty (and a problem) when it is not one. */
    Optional<Path> path(String key) {
        return string(key).flatMap(v -> {
            try {
                return Optional.of(Path.of(v));
            } catch (InvalidPathException e) {
                problem(key, v, "is not a valid path: " + e.getReason());
                return Optional.empty();
            }
        });
    }

    /** A whole number of at least 1. */
    int positiveInt(String key, int fallback) {
        return checked(key, fallback, "is not a positive whole number", v -> {
            int parsed = Integer.parseInt(v);
            return parsed > 0 ? parsed : null;
        });
    }

    /** {@code true} or {@code false}, in any case. */
    boolean bool(String key, boolean fallback) {
        return checked(
                key,
                fallback,
                "is not true or false",
                v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? Boolean.parseBoolean(v) : null);
    }

    /** A positive ISO-8601 duration. */
    Duration duration(String key, Duration fallback) {
        return checked(key, fallback, "is not a positive ISO-8601 duration such as PT30S", v -> {
            Duration parsed = Duration.parse(v);
            return !parsed.isNegative() && !parsed.isZero() ? parsed : null;
        });
    }

    /**
     * The value of {@code key} as {@code parse} reads it, or {@code fallback} when it is unset; when
     * {@code parse} returns null or throws, a problem "KEY='VALUE' {@code reason}" and the fallback.
     */
    <T> T checked(String key, T fallback, String reason, Function<String, T> parse) {
        Optional<String> value = string(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            T parsed = parse.apply(value.get());
            if (parsed != null) {
                return parsed;
            }
        } catch (RuntimeException ignored) {
            // reported below
        }
        problem(key, value.get(), reason);
        return fallback;
    }
}
