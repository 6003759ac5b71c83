package dev.tunegate.engine;

import org.apiguardian.api.API;

/**
 * Every configuration key of the {@code tunegate} engine. Keys are JUnit configuration parameters:
 * set them in {@code junit-platform.properties}, in Surefire's
 * {@code <properties><configurationParameters>}, on the Launcher, or as {@code -D} system properties.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class Constants {

    /** Engine id, as in {@code @IncludeEngines("tunegate")}. */
    public static final String ENGINE_ID = "tunegate";

    /** Prefix of every key. */
    public static final String PREFIX = "tunegate.";

    /**
     * Where model calls go: {@code embedded} (default) starts the Gemini emulator in-process on a free
     * loopback port once per run; otherwise a base URL such as
     * {@code https://generativelanguage.googleapis.com} (scheme, host and port; no path).
     */
    public static final String ENDPOINT_PROPERTY_NAME = "tunegate.endpoint";

    /**
     * Name of the environment variable holding the API key (default {@code GEMINI_API_KEY}). The key
     * itself is never a configuration value.
     */
    public static final String API_KEY_ENV_PROPERTY_NAME = "tunegate.api-key.env";

    /**
     * Maximum number of model calls in flight at once (default 8, at least 1), retries included. The
     * client enforces it (calls beyond it wait in order without holding a thread).
     */
    public static final String CONCURRENCY_PROPERTY_NAME = "tunegate.concurrency";

    /**
     * Optional limit of HTTP requests started per minute, retries included (a positive number, fractions
     * allowed; unset means no limit). The client spaces requests evenly to keep it.
     */
    public static final String RATE_LIMIT_RPM_PROPERTY_NAME = "tunegate.rate-limit.rpm";

    /**
     * How many tests ahead of the one running may have their model calls issued or finished
     * (default 4 × concurrency, at least the concurrency). Bounds memory independently of suite size.
     */
    public static final String LOOK_AHEAD_PROPERTY_NAME = "tunegate.look-ahead";

    /** {@code true} to call {@code streamGenerateContent} and record the time to first chunk (default {@code false}). */
    public static final String STREAMING_PROPERTY_NAME = "tunegate.streaming";

    /** Comma-separated variant names to run; tests of other variants are skipped with this key as the reason. */
    public static final String VARIANTS_PROPERTY_NAME = "tunegate.variants";

    /** Regular expression searched for in the case id (and display name); other cases are skipped. */
    public static final String FILTER_NAME_PROPERTY_NAME = "tunegate.filter.name";

    /** Timeout of one HTTP request, as an ISO-8601 duration (default {@code PT60S}). */
    public static final String REQUEST_TIMEOUT_PROPERTY_NAME = "tunegate.request-timeout";

    /**
     * Most attempts per model call for retryable failures (408, 429, 5xx, I/O, a stream cut before the caller
     * saw a chunk), including the first (default 20). A secondary cap: {@link #RETRY_DEADLINE_PROPERTY_NAME}
     * is the main limit.
     */
    public static final String RETRY_MAX_ATTEMPTS_PROPERTY_NAME = "tunegate.retry.max-attempts";

    /**
     * Deadline per model call, retries and their waits included, as an ISO-8601 duration (default
     * {@code PT120S}): retryable failures are retried, honouring {@code Retry-After}/{@code RetryInfo}, until
     * the next attempt would start after it.
     */
    public static final String RETRY_DEADLINE_PROPERTY_NAME = "tunegate.retry.deadline";

    /** How long to wait for a tuning operation, as an ISO-8601 duration (default {@code PT30M}). */
    public static final String TUNING_TIMEOUT_PROPERTY_NAME = "tunegate.tuning.timeout";

    /** How often to poll a tuning operation, as an ISO-8601 duration (default {@code PT0.5S}). */
    public static final String TUNING_POLL_INTERVAL_PROPERTY_NAME = "tunegate.tuning.poll-interval";

    /**
     * {@code true} to delete and tune again a {@code tune:} block's tuned model that was tuned from other
     * training data or settings (default {@code false}: such a model fails its variant's tests).
     *
     * <p>The engine stores a SHA-256 of the base model, the hyperparameters and the training examples
     * in the tuned model's description ({@code tunegate:sha256=<hex>}) and compares it before reusing an
     * existing model. A model without that hash (made by hand) is reused with a warning, never deleted.
     */
    public static final String TUNE_REPLACE_PROPERTY_NAME = "tunegate.tune.replace";

    /**
     * Which checkpoints of every variant with a Vertex AI tuning job ({@code tuningJob:} or a {@code tune:} block
     * with {@code provider: vertex}) to evaluate, replacing the suites' {@code checkpoints:}: {@code all},
     * {@code default}, {@code last} or comma-separated checkpoint ids ({@code 2,3}). Each checkpoint runs as its own
     * variant {@code <variant>@<checkpointId>}; {@code tunegate run --checkpoints} sets it.
     */
    public static final String CHECKPOINTS_PROPERTY_NAME = "tunegate.checkpoints";

    /** Largest suite or data file read, in bytes (default 5242880). Larger files are a discovery error. */
    public static final String SUITE_MAX_BYTES_PROPERTY_NAME = "tunegate.suite.max-bytes";

    /** Most YAML nodes that aliases may add to one document (default 10000): protection against alias bombs. */
    public static final String SUITE_MAX_ALIAS_NODES_PROPERTY_NAME = "tunegate.suite.max-alias-nodes";

    /**
     * Time limit of one matcher evaluation, as an ISO-8601 duration (default {@code PT2S}). A matcher
     * that takes longer (e.g. a regular expression that backtracks catastrophically) fails its check
     * with a message naming the matcher, its {@code file:line} and the limit, and the run goes on.
     */
    public static final String MATCHER_TIMEOUT_PROPERTY_NAME = "tunegate.matcher.timeout";

    /**
     * {@code false} to make the engine discover nothing when it is the root engine of a launch, so that
     * suites run only through a {@code @Suite @IncludeEngines("tunegate")} class (default {@code true}).
     *
     * <p>An IDE's "run all tests" (or the Console Launcher's {@code --scan-classpath}) asks every
     * engine to discover the classpath roots: the {@code tunegate} engine finds the suites as a root
     * engine, and the suite engine runs them again through the {@code @Suite} class, so every model call
     * is made twice. With this key {@code false} the root engine returns an empty tree (no suites read,
     * no discovery issues, not even for invalid values of other keys), while discovery nested under the
     * suite engine (unique id {@code [engine:junit-platform-suite]/[suite:…]/[engine:tunegate]}) is
     * unchanged. Set it in {@code junit-platform.properties} of projects that have a {@code @Suite}
     * class. A launch of the engine alone (a suite file selected in the IDE, the Console Launcher with
     * {@code --include-engine tunegate}) then finds nothing either. {@code tunegate run} does not read
     * a project's {@code junit-platform.properties} (it is not on the command line's classpath).
     */
    public static final String DISCOVERY_AS_ROOT_ENGINE_PROPERTY_NAME = "tunegate.discovery.as-root-engine";

    /**
     * Directory that relative paths in {@code file:} suites may not leave (default: the working
     * directory, or the suite's own directory for a suite outside it). Classpath suites may not leave
     * the classpath root.
     */
    public static final String PROJECT_ROOT_PROPERTY_NAME = "tunegate.project-root";

    /**
     * Directory where the embedded emulator keeps tuned models between runs (default: none, so every
     * run starts without tuned models and tunes again). For example {@code target/tunegate-emulator}.
     */
    public static final String EMULATOR_DATA_DIR_PROPERTY_NAME = "tunegate.emulator.data-dir";

    /**
     * Vertex AI endpoints the embedded emulator serves, as {@code ID=MODEL,ID=MODEL} (default: none):
     * {@code projects/P/locations/L/endpoints/ID} then answers as {@code MODEL}, a base model
     * ({@code models/gemini-1.5-flash-001}, {@code gemini-2.5-flash}) or a tuned model of the emulator
     * ({@code tunedModels/T}), in every project and location. Only for {@code tunegate.endpoint=embedded}.
     */
    public static final String EMULATOR_DEPLOY_PROPERTY_NAME = "tunegate.emulator.deploy";

    /**
     * Directory of the embedded emulator's Cloud Storage: {@code gs://BUCKET/OBJECT} is the file
     * {@code BUCKET/OBJECT} in it, for media uploads (training files) and {@code gs://} datasets of
     * tuning jobs (default: {@code gcs} under {@code tunegate.emulator.data-dir}, else a temporary
     * directory deleted after the run). Only for {@code tunegate.endpoint=embedded}.
     */
    public static final String EMULATOR_GCS_DIR_PROPERTY_NAME = "tunegate.emulator.gcs-dir";

    /**
     * Model that grades {@code judge} and {@code pairwise} checks whose suite names no {@code model}
     * (default {@code models/gemini-2.0-flash}); any model name the client accepts.
     */
    public static final String JUDGE_MODEL_PROPERTY_NAME = "tunegate.judge.model";

    /**
     * Embedding model of {@code similar} checks whose suite names no {@code model} (default
     * {@code models/text-embedding-004}), called through {@code batchEmbedContents}; a Vertex AI model (e.g.
     * {@code publishers/google/models/text-embedding-005}) through {@code :predict}.
     */
    public static final String EMBEDDING_MODEL_PROPERTY_NAME = "tunegate.embedding.model";

    /**
     * Time limit of one model-graded check ({@code judge}, {@code pairwise}, {@code similar}) on one answer, from
     * its first grading call to its outcome (ISO-8601 duration, default {@code PT5M}); a check that takes longer
     * (a judge that hangs) is an ERROR naming the limit, never a pass, and the run goes on. Not
     * {@code tunegate.matcher.timeout}, which bounds computing on an answer, not model calls.
     */
    public static final String JUDGE_TIMEOUT_PROPERTY_NAME = "tunegate.judge.timeout";

    /**
     * Record/replay of model calls: {@code live} (default: always call the endpoint), {@code record}
     * (call and record), {@code replay} (answer from recordings; a call without one aborts its test) or
     * {@code auto} (replay what is recorded, call and record the rest). See {@code dev.tunegate.engine.run.replay}.
     */
    public static final String MODE_PROPERTY_NAME = "tunegate.mode";

    /**
     * Google Cloud project that completes short Vertex AI names {@code publishers/google/models/M} into
     * {@code projects/P/locations/L/publishers/google/models/M} (default: none; such names then need express mode).
     */
    public static final String VERTEX_PROJECT_PROPERTY_NAME = "tunegate.vertex.project";

    /** Location of completed short Vertex AI names (default {@code us-central1}; {@code global} is served too). */
    public static final String VERTEX_LOCATION_PROPERTY_NAME = "tunegate.vertex.location";

    /**
     * Base URL of Vertex AI calls instead of {@code https://{L}-aiplatform.googleapis.com} (scheme, host and port, no
     * path): a private or regional endpoint, or a standalone emulator. The embedded emulator serves Vertex names
     * without it.
     */
    public static final String VERTEX_ENDPOINT_PROPERTY_NAME = "tunegate.vertex.endpoint";

    /** Vertex AI API version: {@code v1} (default) or {@code v1beta1}. */
    public static final String VERTEX_API_VERSION_PROPERTY_NAME = "tunegate.vertex.api-version";

    /**
     * A Google credentials JSON file (service-account key or authorized user) for Vertex AI calls instead of
     * Application Default Credentials ({@code gcloud auth application-default login} or
     * {@code GOOGLE_APPLICATION_CREDENTIALS}).
     */
    public static final String VERTEX_CREDENTIALS_PROPERTY_NAME = "tunegate.vertex.credentials";

    /**
     * Vertex AI express mode: the name of the environment variable holding a Vertex AI API key, sent in
     * {@code x-goog-api-key} instead of a bearer token (default: none, so Google credentials are used).
     */
    public static final String VERTEX_API_KEY_ENV_PROPERTY_NAME = "tunegate.vertex.api-key.env";

    /** Project billed for Vertex AI quota, sent as {@code x-goog-user-project} (default: the credentials' own). */
    public static final String VERTEX_QUOTA_PROJECT_PROPERTY_NAME = "tunegate.vertex.quota-project";

    /**
     * Cloud Storage bucket ({@code BUCKET} or {@code gs://BUCKET}) that local Vertex AI training and validation files
     * are uploaded to (Cloud Storage JSON API media upload, with the Vertex AI credentials) before a tuning job reads
     * them (default: none, so a Vertex {@code tune:} block needs {@code gs://} URIs). The upload goes to
     * {@code https://storage.googleapis.com}, or to {@link #VERTEX_ENDPOINT_PROPERTY_NAME} when that is set (an
     * emulator serves both). Batch mode ({@code tunegate.mode=batch}) writes a Vertex AI model's calls there as the
     * input of its batch prediction job and has the job write its output there (on the embedded emulator the default
     * is {@code tunegate-staging}).
     */
    public static final String VERTEX_STAGING_BUCKET_PROPERTY_NAME = "tunegate.vertex.staging-bucket";

    /**
     * Prefix of per-variant record/replay modes: {@code tunegate.mode.<variant>=replay} answers that variant
     * only from recordings (a <em>frozen</em> baseline: a model that no longer exists can still be compared
     * with), whatever {@link #MODE_PROPERTY_NAME} says for the others; also {@code live}, {@code record},
     * {@code auto}. Summaries mark a replay-only variant as frozen.
     */
    public static final String MODE_OVERRIDE_PREFIX = "tunegate.mode.";

    /** Directory of the recordings (default {@code src/test/resources/cassettes}, relative to the working directory). */
    public static final String CASSETTES_PROPERTY_NAME = "tunegate.cassettes";

    /**
     * Directory of TuneGate's reports (default {@code reports}, relative to {@link #PROJECT_ROOT_PROPERTY_NAME}
     * or the working directory): {@code tunegate/summary.json}, {@code summary.md}, {@code compare.html}
     * and {@code allure-results/}. See {@code REPORTS.md}.
     */
    public static final String REPORTS_DIR_PROPERTY_NAME = "tunegate.reports.dir";

    /** {@code false} to skip {@code summary.json}, {@code summary.md} and {@code compare.html} (default {@code true}). */
    public static final String REPORTS_ENABLED_PROPERTY_NAME = "tunegate.reports.enabled";

    /**
     * How many cases keep answers and matcher details for {@code compare.html}, and how many failed
     * results beyond those keep their failure messages (default 2000; the rest keep outcomes and
     * which matchers failed).
     */
    public static final String REPORTS_DETAILED_CASES_PROPERTY_NAME = "tunegate.reports.detailed-cases";

    /** {@code false} to write no Allure results (default {@code true}). */
    public static final String ALLURE_ENABLED_PROPERTY_NAME = "tunegate.allure.enabled";

    /** Where the engine writes Allure results (default {@code <reports>/allure-results}). */
    public static final String ALLURE_RESULTS_DIR_PROPERTY_NAME = "tunegate.allure.results.dir";

    /** {@code false} to keep the previous run's Allure results (default {@code true}: deleted, {@code history/} kept). */
    public static final String ALLURE_CLEAN_PROPERTY_NAME = "tunegate.allure.clean";

    /**
     * Prefix of model overrides: {@code tunegate.model.<variant>=<model>} makes that variant call another
     * model, e.g. {@code -Dtunegate.model.tuned=tunedModels/support-v3}, without editing the suite.
     */
    public static final String MODEL_OVERRIDE_PREFIX = "tunegate.model.";

    /** Comma-separated variants that replace every suite gate's {@code candidate} (suites lacking one keep theirs). */
    public static final String GATE_CANDIDATE_PROPERTY_NAME = "tunegate.gate.candidate";

    /** Variant that replaces every suite gate's {@code baseline} (suites lacking it keep theirs). */
    public static final String GATE_BASELINE_PROPERTY_NAME = "tunegate.gate.baseline";

    /**
     * {@code true} freezes every suite's gate baseline: it is answered only from the recordings in
     * {@code tunegate.cassettes} and never called, as if {@code tunegate.mode.<baseline>=replay} were set for it
     * (default {@code false}). {@code tunegate compare --against DIR} sets it to gate a run against a previous
     * run's recorded answers.
     */
    public static final String GATE_FROZEN_BASELINE_PROPERTY_NAME = "tunegate.gate.frozen-baseline";

    /**
     * Runs one shard of the cases, {@code i/n} (1-based, e.g. {@code 2/4}; default: every case): the cases
     * whose unique id hashes to {@code i} modulo {@code n}, each with all its variants. Gate tests are
     * reported but do not fail in a shard (a shard judges a subset); {@code tunegate merge} merges the
     * shards' reports into one run and judges the gates. See the README, "Sharding".
     */
    public static final String SHARD_PROPERTY_NAME = "tunegate.shard";

    /**
     * A properties file of token prices that adds to or replaces entries of the shipped price table
     * ({@code <model prefix>.input}, {@code .output}, optionally {@code .thinking}, in US dollars per
     * million tokens). Reports show each variant's estimated cost from it.
     */
    public static final String PRICES_PROPERTY_NAME = "tunegate.prices";

    /**
     * Spending limit of a run, in tokens ({@code 200000 tokens}) or US dollars ({@code 0.50 USD},
     * {@code $0.50}; priced by the price table). When the next model call would exceed it (estimated as
     * the largest call so far, calls in flight included), no new call is made: the tests left are
     * aborted and the run is reported as incomplete, never as passed. Replayed calls cost nothing.
     */
    public static final String BUDGET_PROPERTY_NAME = "tunegate.budget";

    private Constants() {}
}
