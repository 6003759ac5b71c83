package dev.tunegate.engine;

import static dev.tunegate.engine.Constants.*;

import dev.tunegate.engine.config.ClosestName;
import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.config.ReplayMode;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.run.replay.CassetteCalls;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's one configuration reader: reads every key declared in {@link Constants}, once per
 * discovery, into an immutable {@link TuneGateConfiguration}, with one precedence, JUnit's own
 * (explicit launcher parameters, then {@code -D} system properties, then
 * {@code junit-platform.properties}). A value that is not valid becomes a problem naming the key and
 * the default is used; a {@code tunegate.*} key that no constant declares becomes a warning that
 * names the closest known key.
 */
final class ConfigurationReader {

    /** Every key of {@link Constants} (the {@code *_PROPERTY_NAME} fields), sorted. */
    static final SortedSet<String> KNOWN_KEYS = knownKeys();

    private final ConfigurationParameters params;
    private final List<String> problems = new ArrayList<>();

    private ConfigurationReader(ConfigurationParameters params) {
        this.params = params;
    }

    /** Reads and checks every key. */
    static TuneGateConfiguration read(ConfigurationParameters parameters) {
        return new ConfigurationReader(parameters).read();
    }

    private TuneGateConfiguration read() {
        Optional<URI> endpoint = string(ENDPOINT_PROPERTY_NAME)
                .filter(v -> !v.equalsIgnoreCase(TuneGateConfiguration.EMBEDDED))
                .flatMap(this::endpoint);
        String apiKeyEnv = string(API_KEY_ENV_PROPERTY_NAME).orElse("GEMINI_API_KEY");
        if (!apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            problem(API_KEY_ENV_PROPERTY_NAME, apiKeyEnv, "is not an environment variable name");
            apiKeyEnv = "GEMINI_API_KEY";
        }
        int concurrency = positiveInt(CONCURRENCY_PROPERTY_NAME, 8);
        OptionalDouble rpm = string(RATE_LIMIT_RPM_PROPERTY_NAME)
                .map(v -> {
                    try {
                        double d = Double.parseDouble(v);
                        if (d > 0 && Double.isFinite(d)) {
                            return OptionalDouble.of(d);
                        }
                    } catch (NumberFormatException ignored) {
                        // reported below
                    }
                    problem(RATE_LIMIT_RPM_PROPERTY_NAME, v, "is not a positive number of requests per minute");
                    return OptionalDouble.empty();
                })
                .orElse(OptionalDouble.empty());
        int lookAhead = Math.max(concurrency, positiveInt(LOOK_AHEAD_PROPERTY_NAME, Math.max(16, 4 * concurrency)));
        Optional<Pattern> nameFilter = string(FILTER_NAME_PROPERTY_NAME).flatMap(v -> {
            try {
                return Optional.of(Pattern.compile(v));
            } catch (PatternSyntaxException e) {
                problem(FILTER_NAME_PROPERTY_NAME, v, "is not a regular expression: " + e.getDescription());
                return Optional.empty();
            }
        });
        Optional<Path> root = path(PROJECT_ROOT_PROPERTY_NAME);
        ReplayMode mode = ReplayMode.LIVE;
        try {
            mode = string(MODE_PROPERTY_NAME).map(ReplayMode::parse).orElse(ReplayMode.LIVE);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        Path cassettes = path(CASSETTES_PROPERTY_NAME).orElse(Path.of(CassetteCalls.DEFAULT_CASSETTES));
        return new TuneGateConfiguration(
                endpoint,
                apiKeyEnv,
                concurrency,
                rpm,
                lookAhead,
                bool(STREAMING_PROPERTY_NAME, false),
                names(VARIANTS_PROPERTY_NAME).map(Set::copyOf),
                nameFilter,
                duration(REQUEST_TIMEOUT_PROPERTY_NAME, Duration.ofSeconds(60)),
                positiveInt(RETRY_MAX_ATTEMPTS_PROPERTY_NAME, 3),
                duration(TUNING_TIMEOUT_PROPERTY_NAME, Duration.ofMinutes(30)),
                duration(TUNING_POLL_INTERVAL_PROPERTY_NAME, Duration.ofMillis(500)),
                bool(TUNE_REPLACE_PROPERTY_NAME, false),
                positiveInt(SUITE_MAX_BYTES_PROPERTY_NAME, 5 * 1024 * 1024),
                positiveInt(SUITE_MAX_ALIAS_NODES_PROPERTY_NAME, 10_000),
                root,
                path(EMULATOR_DATA_DIR_PROPERTY_NAME),
                bool(DISCOVERY_AS_ROOT_ENGINE_PROPERTY_NAME, true),
                mode,
                cassettes,
                comparison(root),
                problems,
                unknownKeys());
    }

    private ComparisonSettings comparison(Optional<Path> projectRoot) {
        ComparisonSettings d = ComparisonSettings.defaults(projectRoot);
        Path base = projectRoot.orElse(Path.of(""));
        Path reports = string(REPORTS_DIR_PROPERTY_NAME)
                .map(v -> base.resolve(v).toAbsolutePath().normalize())
                .orElse(d.reportsDir());
        Path allure = string(ALLURE_RESULTS_DIR_PROPERTY_NAME)
                .map(v -> base.resolve(v).toAbsolutePath().normalize())
                .orElse(reports.resolve("allure-results"));
        boolean reportsOn = bool(REPORTS_ENABLED_PROPERTY_NAME, true);
        boolean allureOn = bool(ALLURE_ENABLED_PROPERTY_NAME, true);
        List<String> candidates =
                names(GATE_CANDIDATE_PROPERTY_NAME).map(List::copyOf).orElse(List.of());
        Optional<String> baseline = string(GATE_BASELINE_PROPERTY_NAME);
        Map<String, String> models = new TreeMap<>();
        for (String key : allKeys()) {
            if (key.startsWith(MODEL_OVERRIDE_PREFIX)) {
                String variant = key.substring(MODEL_OVERRIDE_PREFIX.length());
                String model = params.get(key).map(String::trim).orElse("");
                if (variant.isBlank() || model.isBlank()) {
                    problems.add(key + "='" + model + "' needs a variant name and a model name");
                } else {
                    models.put(variant, model);
                }
            }
        }
        int detailed = d.detailedCases();
        Optional<String> limit = string(REPORTS_DETAILED_CASES_PROPERTY_NAME);
        if (limit.isPresent()) {
            try {
                detailed = Integer.parseInt(limit.get());
                if (detailed < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problem(REPORTS_DETAILED_CASES_PROPERTY_NAME, limit.get(), "is not a whole number >= 0");
                detailed = d.detailedCases();
            }
        }
        boolean clean = bool(ALLURE_CLEAN_PROPERTY_NAME, true);
        return new ComparisonSettings(
                reports, allure, reportsOn, allureOn, candidates, baseline, models, detailed, clean);
    }

    /**
     * {@code tunegate.*} keys set but declared by no constant (nor under {@link Constants#MODEL_OVERRIDE_PREFIX}),
     * each with the closest known key.
     */
    private List<String> unknownKeys() {
        List<String> warnings = new ArrayList<>();
        for (String key : allKeys()) {
            if (!KNOWN_KEYS.contains(key) && !key.startsWith(MODEL_OVERRIDE_PREFIX)) {
                warnings.add("Unknown TuneGate configuration key '" + key + "' is ignored"
                        + ClosestName.to(key, KNOWN_KEYS)
                                .map(k -> " (did you mean '" + k + "'?)")
                                .orElse("")
                        + "; the keys are listed in dev.tunegate.engine.Constants and the README");
            }
        }
        return warnings;
    }

    /**
     * Every {@code tunegate.*} key set: the launcher's explicit and file parameters list theirs, and
     * system properties are read by the launcher too but not listed by it.
     */
    private Set<String> allKeys() {
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

    private Optional<String> string(String key) {
        return params.get(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    private Optional<Set<String>> names(String key) {
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

    private Optional<Path> path(String key) {
        return string(key).flatMap(v -> {
            try {
                return Optional.of(Path.of(v));
            } catch (InvalidPathException e) {
                problem(key, v, "is not a valid path: " + e.getReason());
                return Optional.empty();
            }
        });
    }

    private Optional<URI> endpoint(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && (uri.getPath() == null || uri.getPath().isEmpty())
                    && uri.getQuery() == null) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        problem(
                ENDPOINT_PROPERTY_NAME,
                value,
                "is neither 'embedded' nor an http(s) base URL without a path (e.g. https://generativelanguage.googleapis.com)");
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
        problems.add(key + "='" + value + "' " + reason);
    }

    private static SortedSet<String> knownKeys() {
        SortedSet<String> keys = new TreeSet<>();
        for (Field field : Constants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())
                    && field.getType() == String.class
                    && field.getName().endsWith("_PROPERTY_NAME")) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return keys;
    }
}
