package dev.tunegate.engine;

import static dev.tunegate.engine.Constants.*;

import dev.tunegate.client.RetryPolicy;
import dev.tunegate.engine.config.Budget;
import dev.tunegate.engine.config.CheckpointSelection;
import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.config.JudgeSettings;
import dev.tunegate.engine.config.PriceTable;
import dev.tunegate.engine.config.ReplayMode;
import dev.tunegate.engine.config.Shard;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.config.VertexConfiguration;
import dev.tunegate.engine.run.replay.CassetteCalls;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's one configuration reader: reads every key declared in {@link Constants}, once per
 * discovery, into an immutable {@link TuneGateConfiguration}, with one precedence, JUnit's own
 * (explicit launcher parameters, then {@code -D} system properties, then
 * {@code junit-platform.properties}). A value that is not valid becomes a problem naming the key and
 * the default is used ({@link ConfigurationValues}); a {@code tunegate.*} key that no constant
 * declares becomes a warning that names the closest known key ({@link UnknownKeys}).
 */
final class ConfigurationReader {

    private final ConfigurationValues values;

    private ConfigurationReader(ConfigurationParameters params) {
        this.values = new ConfigurationValues(params);
    }

    /** Reads and checks every key. */
    static TuneGateConfiguration read(ConfigurationParameters parameters) {
        return new ConfigurationReader(parameters).read();
    }

    private TuneGateConfiguration read() {
        Optional<URI> endpoint = values.string(ENDPOINT_PROPERTY_NAME)
                .filter(v -> !v.equalsIgnoreCase(TuneGateConfiguration.EMBEDDED))
                .flatMap(this::endpoint);
        String apiKeyEnv = values.string(API_KEY_ENV_PROPERTY_NAME).orElse("GEMINI_API_KEY");
        if (!apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            values.problem(API_KEY_ENV_PROPERTY_NAME, apiKeyEnv, "is not an environment variable name");
            apiKeyEnv = "GEMINI_API_KEY";
        }
        int concurrency = values.positiveInt(CONCURRENCY_PROPERTY_NAME, 8);
        OptionalDouble rpm = values.checked(
                RATE_LIMIT_RPM_PROPERTY_NAME,
                OptionalDouble.empty(),
                "is not a positive number of requests per minute",
                v -> {
                    double d = Double.parseDouble(v);
                    return d > 0 && Double.isFinite(d) ? OptionalDouble.of(d) : null;
                });
        int lookAhead =
                Math.max(concurrency, values.positiveInt(LOOK_AHEAD_PROPERTY_NAME, Math.max(16, 4 * concurrency)));
        Optional<Pattern> nameFilter = values.string(FILTER_NAME_PROPERTY_NAME).flatMap(v -> {
            try {
                return Optional.of(Pattern.compile(v));
            } catch (PatternSyntaxException e) {
                values.problem(FILTER_NAME_PROPERTY_NAME, v, "is not a regular expression: " + e.getDescription());
                return Optional.empty();
            }
        });
        Optional<Path> root = values.path(PROJECT_ROOT_PROPERTY_NAME);
        ReplayMode mode = ReplayMode.LIVE;
        try {
            mode = values.string(MODE_PROPERTY_NAME).map(ReplayMode::parse).orElse(ReplayMode.LIVE);
        } catch (IllegalArgumentException e) {
            values.problem(e.getMessage());
        }
        Path cassettes = values.path(CASSETTES_PROPERTY_NAME).orElse(Path.of(CassetteCalls.DEFAULT_CASSETTES));
        return new TuneGateConfiguration(
                endpoint,
                apiKeyEnv,
                concurrency,
                rpm,
                lookAhead,
                values.bool(STREAMING_PROPERTY_NAME, false),
                values.names(VARIANTS_PROPERTY_NAME).map(Set::copyOf),
                nameFilter,
                values.duration(REQUEST_TIMEOUT_PROPERTY_NAME, Duration.ofSeconds(60)),
                values.positiveInt(RETRY_MAX_ATTEMPTS_PROPERTY_NAME, RetryPolicy.DEFAULT_MAX_ATTEMPTS),
                values.duration(RETRY_DEADLINE_PROPERTY_NAME, RetryPolicy.DEFAULT_DEADLINE),
                values.duration(TUNING_TIMEOUT_PROPERTY_NAME, Duration.ofMinutes(30)),
                values.duration(TUNING_POLL_INTERVAL_PROPERTY_NAME, Duration.ofMillis(500)),
                values.bool(TUNE_REPLACE_PROPERTY_NAME, false),
                values.positiveInt(SUITE_MAX_BYTES_PROPERTY_NAME, 5 * 1024 * 1024),
                values.positiveInt(SUITE_MAX_ALIAS_NODES_PROPERTY_NAME, 10_000),
                values.duration(MATCHER_TIMEOUT_PROPERTY_NAME, Duration.ofSeconds(2)),
                root,
                values.path(EMULATOR_DATA_DIR_PROPERTY_NAME),
                deployments(),
                values.path(EMULATOR_GCS_DIR_PROPERTY_NAME),
                values.bool(DISCOVERY_AS_ROOT_ENGINE_PROPERTY_NAME, true),
                mode,
                cassettes,
                vertex(),
                new JudgeSettings(
                        values.string(JUDGE_MODEL_PROPERTY_NAME).orElse(JudgeSettings.DEFAULT_JUDGE_MODEL),
                        values.string(EMBEDDING_MODEL_PROPERTY_NAME).orElse(JudgeSettings.DEFAULT_EMBEDDING_MODEL),
                        values.duration(JUDGE_TIMEOUT_PROPERTY_NAME, JudgeSettings.DEFAULT_TIMEOUT)),
                comparison(root),
                values.checked(
                        BUDGET_PROPERTY_NAME,
                        Optional.empty(),
                        "is not a budget such as '200000 tokens', '0.50 USD' or '$0.50'",
                        v -> Optional.of(Budget.parse(v))),
                values.problems(),
                UnknownKeys.warnings(values.tunegateKeys()));
    }

    private VertexConfiguration vertex() {
        Optional<String> project = values.string(VERTEX_PROJECT_PROPERTY_NAME)
                .filter(v -> checkedId(VERTEX_PROJECT_PROPERTY_NAME, v, "is not a Google Cloud project id"));
        String location = values.string(VERTEX_LOCATION_PROPERTY_NAME)
                .filter(v -> checkedId(VERTEX_LOCATION_PROPERTY_NAME, v, "is not a location such as us-central1"))
                .orElse(VertexConfiguration.DEFAULT_LOCATION);
        Optional<URI> endpoint = values.string(VERTEX_ENDPOINT_PROPERTY_NAME).flatMap(v -> {
            Optional<URI> uri = baseUrl(v);
            if (uri.isEmpty()) {
                values.problem(
                        VERTEX_ENDPOINT_PROPERTY_NAME,
                        masked(v),
                        "is not an http(s) base URL without a path (e.g. https://us-central1-aiplatform.googleapis.com)");
            }
            return uri;
        });
        String apiVersion = values.checked(
                VERTEX_API_VERSION_PROPERTY_NAME,
                "v1",
                "is neither v1 nor v1beta1",
                v -> v.equals("v1") || v.equals("v1beta1") ? v : null);
        Optional<String> apiKeyEnv = values.string(VERTEX_API_KEY_ENV_PROPERTY_NAME)
                .filter(v -> {
                    boolean ok = v.matches("[A-Za-z_][A-Za-z0-9_]*");
                    if (!ok) {
                        values.problem(VERTEX_API_KEY_ENV_PROPERTY_NAME, v, "is not an environment variable name");
                    }
                    return ok;
                });
        return new VertexConfiguration(
                project,
                location,
                endpoint,
                apiVersion,
                values.path(VERTEX_CREDENTIALS_PROPERTY_NAME),
                apiKeyEnv,
                values.string(VERTEX_QUOTA_PROJECT_PROPERTY_NAME),
                values.string(VERTEX_STAGING_BUCKET_PROPERTY_NAME).flatMap(this::stagingBucket));
    }

    /**
     * A bucket name as Cloud Storage allows it (3 to 63 lower-case letters, digits, {@code -}, {@code _} and
     * {@code .}, starting and ending with a letter or digit), written bare or as {@code gs://BUCKET}.
     */
    private Optional<String> stagingBucket(String value) {
        String bucket = value.startsWith("gs://") ? value.substring("gs://".length()) : value;
        if (bucket.endsWith("/")) {
            bucket = bucket.substring(0, bucket.length() - 1);
        }
        if (!bucket.matches("[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]")) {
            values.problem(
                    VERTEX_STAGING_BUCKET_PROPERTY_NAME,
                    value,
                    "is not a Cloud Storage bucket name such as my-bucket or gs://my-bucket (3 to 63 lower-case"
                            + " letters, digits, '-', '_' and '.'; no object path)");
            return Optional.empty();
        }
        return Optional.of(bucket);
    }

    private boolean checkedId(String key, String value, String reason) {
        boolean ok = value.matches("[A-Za-z0-9][A-Za-z0-9_.-]*");
        if (!ok) {
            values.problem(key, value, reason);
        }
        return ok;
    }

    /** {@code ID=MODEL,...}: endpoint ids of letters, digits, {@code -} and {@code _}; a model each. */
    private Map<String, String> deployments() {
        Map<String, String> deployments = new LinkedHashMap<>();
        values.string(EMULATOR_DEPLOY_PROPERTY_NAME).ifPresent(v -> {
            for (String entry : v.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int eq = entry.indexOf('=');
                String id = eq < 0 ? "" : entry.substring(0, eq).trim();
                String model = eq < 0 ? "" : entry.substring(eq + 1).trim();
                if (!id.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,127}") || model.isEmpty() || model.contains(" ")) {
                    values.problem(
                            EMULATOR_DEPLOY_PROPERTY_NAME,
                            entry.trim(),
                            "is not ENDPOINT_ID=MODEL (e.g. 123=models/gemini-1.5-flash-001; ids are letters,"
                                    + " digits, '-' and '_')");
                } else {
                    deployments.put(id, model);
                }
            }
        });
        return deployments;
    }

    private ComparisonSettings comparison(Optional<Path> projectRoot) {
        ComparisonSettings d = ComparisonSettings.defaults(projectRoot);
        Path base = projectRoot.orElse(Path.of(""));
        Path reports = values.string(REPORTS_DIR_PROPERTY_NAME)
                .map(v -> base.resolve(v).toAbsolutePath().normalize())
                .orElse(d.reportsDir());
        Path allure = values.string(ALLURE_RESULTS_DIR_PROPERTY_NAME)
                .map(v -> base.resolve(v).toAbsolutePath().normalize())
                .orElse(reports.resolve("allure-results"));
        boolean reportsOn = values.bool(REPORTS_ENABLED_PROPERTY_NAME, true);
        boolean allureOn = values.bool(ALLURE_ENABLED_PROPERTY_NAME, true);
        List<String> candidates =
                values.names(GATE_CANDIDATE_PROPERTY_NAME).map(List::copyOf).orElse(List.of());
        Optional<String> baseline = values.string(GATE_BASELINE_PROPERTY_NAME);
        Map<String, String> models = new TreeMap<>();
        for (String key : values.tunegateKeys()) {
            if (key.startsWith(MODEL_OVERRIDE_PREFIX)) {
                String variant = key.substring(MODEL_OVERRIDE_PREFIX.length());
                String model = values.raw(key).map(String::trim).orElse("");
                if (variant.isBlank() || model.isBlank()) {
                    values.problem(key + "='" + model + "' needs a variant name and a model name");
                } else {
                    models.put(variant, model);
                }
            }
        }
        int detailed = values.checked(
                REPORTS_DETAILED_CASES_PROPERTY_NAME,
                d.detailedCases(),
                "is not a whole number >= 0",
                v -> Integer.parseInt(v) >= 0 ? Integer.parseInt(v) : null);
        boolean clean = values.bool(ALLURE_CLEAN_PROPERTY_NAME, true);
        Optional<Shard> shard = values.checked(
                SHARD_PROPERTY_NAME,
                Optional.empty(),
                "is not a shard i/n with 1 <= i <= n (e.g. 2/4)",
                v -> Optional.of(Shard.parse(v)));
        PriceTable prices = d.prices();
        Optional<Path> pricesFile = values.path(PRICES_PROPERTY_NAME);
        try {
            prices = PriceTable.load(pricesFile);
        } catch (IllegalArgumentException e) {
            values.problem(PRICES_PROPERTY_NAME, pricesFile.map(Path::toString).orElse(""), e.getMessage());
        }
        Map<String, ReplayMode> variantModes = new TreeMap<>();
        for (String key : values.tunegateKeys()) {
            if (key.startsWith(MODE_OVERRIDE_PREFIX)) {
                String variant = key.substring(MODE_OVERRIDE_PREFIX.length());
                String mode = values.raw(key).map(String::trim).orElse("");
                try {
                    if (variant.isBlank()) {
                        throw new IllegalArgumentException("needs a variant name");
                    }
                    variantModes.put(variant, ReplayMode.parse(mode));
                } catch (IllegalArgumentException e) {
                    values.problem(
                            key,
                            mode,
                            "is not live, record, replay or auto for a variant (" + MODE_OVERRIDE_PREFIX
                                    + "<variant>)");
                }
            }
        }
        return new ComparisonSettings(
                reports,
                allure,
                reportsOn,
                allureOn,
                candidates,
                baseline,
                models,
                detailed,
                clean,
                shard,
                prices,
                variantModes,
                values.bool(GATE_FROZEN_BASELINE_PROPERTY_NAME, false),
                values.checked(
                        CHECKPOINTS_PROPERTY_NAME,
                        Optional.empty(),
                        "is not all, default, last or a comma-separated list of checkpoint ids (e.g. 2,3)",
                        v -> Optional.of(CheckpointSelection.parse(v))));
    }

    private Optional<URI> endpoint(String value) {
        Optional<URI> uri = baseUrl(value);
        if (uri.isPresent()) {
            return uri;
        }
        values.problem(
                ENDPOINT_PROPERTY_NAME,
                masked(value),
                "is neither 'embedded' nor an http(s) base URL without a path (e.g. https://generativelanguage.googleapis.com)"
                        + (masked(value).equals(value)
                                ? ""
                                : "; never put a key in the URL: the key is read from the environment variable"
                                        + " named by " + API_KEY_ENV_PROPERTY_NAME));
        return Optional.empty();
    }

    /** An http(s) URL with a host and no path or query, or empty. */
    private static Optional<URI> baseUrl(String value) {
        try {
            URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && (uri.getPath() == null || uri.getPath().isEmpty())
                    && uri.getQuery() == null) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException ignored) {
            // the caller reports it
        }
        return Optional.empty();
    }

    /** The endpoint as written, with query values and user info (where keys hide) replaced by {@code ***}. */
    static String masked(String endpoint) {
        return endpoint.replaceAll("([?&;][^=&#;]*=)[^&#;]*", "$1***").replaceAll("(//)[^/@?#]*@", "$1***@");
    }
}
