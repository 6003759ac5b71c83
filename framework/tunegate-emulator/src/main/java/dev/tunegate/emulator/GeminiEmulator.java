package dev.tunegate.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.emulator.behaviour.BaseBehaviour;
import dev.tunegate.emulator.faults.FaultInjector;
import dev.tunegate.emulator.faults.FaultPlan;
import dev.tunegate.emulator.generation.Answerer;
import dev.tunegate.emulator.generation.GenerationPipeline;
import dev.tunegate.emulator.generation.RequestReader;
import dev.tunegate.emulator.generation.RequestValidator;
import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.safety.LexiconClassifier;
import dev.tunegate.emulator.safety.SafetyClassifier;
import dev.tunegate.emulator.stats.EmulatorStats;
import dev.tunegate.emulator.storage.GcsDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * A local Gemini API server (v1beta and v1): generateContent and streamGenerateContent for base and
 * tuned models, models list/get, countTokens, fault injection and admin endpoints, on the JDK's HTTP
 * server; and on the same port the Vertex AI surface (v1 and v1beta1): publisher models and the
 * endpoints deployed with {@link Builder#deploy(String, String)}.
 *
 * <pre>{@code
 * try (GeminiEmulator emulator = GeminiEmulator.builder().port(0).build().start()) {
 *     String baseUrl = emulator.baseUrl();   // e.g. http://127.0.0.1:41234
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE)
public final class GeminiEmulator implements AutoCloseable {
    static {
        // without TCP_NODELAY, small keep-alive responses wait for delayed ACKs (~40 ms each)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Default of {@link Builder#idleTimeout(Duration)}. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(10);

    private final Builder config;
    private final ObjectMapper mapper = GeminiJson.newMapper();
    private final EmulatorStats stats = new EmulatorStats();
    private HttpServer server;
    private ConnectionGuard connections;
    private TunedModelService tuned;
    private FaultInjector faults;
    private GenerationPipeline pipeline;
    private Path temporaryGcsDir;

    private GeminiEmulator(Builder config) {
        this.config = config;
    }

    /** A new builder (loopback, port 0, default models, no faults). */
    public static Builder builder() {
        return new Builder();
    }

    /** Binds the port and starts serving; returns this emulator. */
    public synchronized GeminiEmulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        SafetyClassifier safety = config.safetyClassifier != null
                ? config.safetyClassifier
                : config.safetyLexicon != null
                        ? LexiconClassifier.fromFile(config.safetyLexicon)
                        : LexiconClassifier.bundled();
        Answerer base =
                config.baseAnswerer != null ? config.baseAnswerer : BaseBehaviour.withFiles(config.behaviourFiles);
        ModelCatalog catalog = new ModelCatalog(config.models, config.outputTokenLimit);
        config.deployments.forEach((id, model) -> {
            if (!model.startsWith("tunedModels/") && catalog.get(model) == null) {
                throw new IllegalArgumentException("cannot deploy " + model + " to endpoint " + id
                        + ": not a served base model " + catalog.names());
            }
        });
        Map<String, ServedModel> baseModels = new LinkedHashMap<>();
        for (String name : catalog.names()) {
            baseModels.put(name, ServedModel.of(name, base));
        }
        Path gcsDir = gcsDir();
        EmulatorContext context =
                new EmulatorContext(mapper, baseModels, config.dataDir, config.tuningStepMillis, config.seed, gcsDir);
        tuned = tunedModelFactory().create(context);
        faults = new FaultInjector(config.faults, config.chunkDelayMillis);
        pipeline = new GenerationPipeline(safety, mapper, config.seed);
        RequestReader reader = new RequestReader(mapper, new RequestValidator(config.outputTokenLimit));
        GcsDirectory gcs = GcsDirectory.at(gcsDir);
        ApiHandler handler = new ApiHandler(
                mapper,
                reader,
                pipeline,
                catalog,
                baseModels,
                tuned,
                faults,
                stats,
                config.apiKey,
                config.bearerToken,
                new Deployments(config.deployments),
                Clock.systemUTC(),
                config.chunkTokens,
                config.threads,
                new BatchService(mapper, reader, pipeline, config.batchDelay, java.time.Clock.systemUTC()),
                new BatchPredictionService(
                        mapper, reader, pipeline, gcs, config.batchDelay, java.time.Clock.systemUTC()),
                gcs);
        connections = new ConnectionGuard(config.maxConnections, config.idleTimeout);
        try {
            server = HttpServer.create(new InetSocketAddress(config.host, config.port), 1024);
        } catch (IOException e) {
            connections.shutdown();
            tuned.close();
            deleteTemporaryGcsDir();
            throw new UncheckedIOException("cannot bind " + config.host + ":" + config.port, e);
        }
        server.createContext("/", handler);
        server.setExecutor(connections);
        server.start();
        return this;
    }

    /**
     * The Cloud Storage directory: the configured one, else {@code gcs} under the data directory, else
     * a temporary directory deleted by {@link #close()}.
     */
    private Path gcsDir() {
        if (config.gcsDir != null) {
            return config.gcsDir;
        }
        if (config.dataDir != null) {
            return config.dataDir.resolve("gcs");
        }
        try {
            temporaryGcsDir = Files.createTempDirectory("tunegate-emulator-gcs");
            return temporaryGcsDir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary Cloud Storage directory", e);
        }
    }

    private void deleteTemporaryGcsDir() {
        if (temporaryGcsDir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(temporaryGcsDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: it is under the temporary directory
        }
        temporaryGcsDir = null;
    }

    private TunedModelServiceFactory tunedModelFactory() {
        if (config.tunedModelFactory != null) {
            return config.tunedModelFactory;
        }
        Iterator<TunedModelServiceFactory> found = ServiceLoader.load(
                        TunedModelServiceFactory.class, GeminiEmulator.class.getClassLoader())
                .iterator();
        return found.hasNext() ? found.next() : context -> TunedModelService.none();
    }

    /** The bound port (after {@link #start()}). */
    public int port() {
        requireStarted();
        return server.getAddress().getPort();
    }

    /** Scheme, host and port without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        requireStarted();
        String host = config.host.contains(":") ? "[" + config.host + "]" : config.host;
        return "http://" + host + ":" + port();
    }

    /** A snapshot of {@code GET /emulator/stats}. */
    public Map<String, Object> stats() {
        return stats.snapshot();
    }

    /** Same as {@code POST /emulator/reset}: zero the stats, restart the fault and sampling sequences. */
    public void reset() {
        requireStarted();
        stats.reset();
        faults.reset();
        pipeline.reset();
    }

    /** Stops the server (in-flight requests get up to one second) and the tuning service. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(0);
        connections.shutdown();
        tuned.close();
        deleteTemporaryGcsDir();
        server = null;
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("the emulator is not running; call start()");
        }
    }

    /** Configures a {@link GeminiEmulator}. */
    @API(status = API.Status.STABLE)
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private List<String> models = ModelCatalog.DEFAULT_MODELS;
        private String apiKey;
        private String bearerToken;
        private final Map<String, String> deployments = new LinkedHashMap<>();
        private FaultPlan faults = FaultPlan.NONE;
        private int chunkTokens = 8;
        private long chunkDelayMillis;
        private long seed = 42;
        private int threads = 512;
        private int maxConnections = 2048;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int outputTokenLimit = 8192;
        private SafetyClassifier safetyClassifier;
        private Path safetyLexicon;
        private final List<Path> behaviourFiles = new ArrayList<>();
        private Answerer baseAnswerer;
        private Path dataDir;
        private Path gcsDir;
        private long tuningStepMillis = 20;
        private TunedModelServiceFactory tunedModelFactory;
        private Duration batchDelay = Duration.ofMillis(200);

        private Builder() {}

        /**
         * How long a batch ({@code :batchGenerateContent}) or a Vertex AI batch prediction job stays pending or
         * running before its requests are answered (default 200 ms; zero answers at the first read).
         */
        public Builder batchDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("batchDelay must not be negative, was " + delay);
            }
            this.batchDelay = delay;
            return this;
        }

        /** Interface to bind (default 127.0.0.1, loopback only). */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** Port to bind; 0 (default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in [0, 65535]");
            }
            this.port = port;
            return this;
        }

        /** Base models served ({@code gemini-x} or {@code models/gemini-x}); replaces the default list. */
        public Builder models(List<String> names) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("at least one model");
            }
            this.models = List.copyOf(names);
            return this;
        }

        /** Requires this API key ({@code x-goog-api-key} header or {@code key} query parameter). */
        public Builder requireApiKey(String key) {
            this.apiKey = key == null || key.isEmpty() ? null : key;
            return this;
        }

        /**
         * Requires this OAuth 2 access token on the Vertex AI surface ({@code Authorization: Bearer}):
         * without one a request is 401 UNAUTHENTICATED, with another 403 PERMISSION_DENIED. By default
         * any token (or none) is accepted.
         */
        public Builder requireBearer(String token) {
            this.bearerToken = token == null || token.isEmpty() ? null : token;
            return this;
        }

        /**
         * Deploys {@code model} to the Vertex AI endpoint {@code endpointId}, so that
         * {@code projects/P/locations/L/endpoints/{endpointId}} serves it in every project and location.
         * The model is a base model ({@code models/M}, {@code M} or {@code publishers/google/models/M},
         * which must be served) or a tuned model of this emulator ({@code tunedModels/T}, resolved when
         * called). Repeatable; a later deployment of the same id replaces the earlier one.
         */
        public Builder deploy(String endpointId, String model) {
            deployments.put(Deployments.checkId(endpointId), Deployments.normaliseModel(model));
            return this;
        }

        /** Global fault injection (latency, jitter, error rates, cut streams, seed). */
        public Builder faults(FaultPlan plan) {
            this.faults = Objects.requireNonNull(plan);
            return this;
        }

        /** Shorthand for a fixed latency on every API request. */
        public Builder latency(Duration latency) {
            this.faults = faults.withLatency(latency.toMillis(), faults.jitterMillis());
            return this;
        }

        /** Tokens per stream chunk (default 8). */
        public Builder streamChunkTokens(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("streamChunkTokens must be >= 1");
            }
            this.chunkTokens = tokens;
            return this;
        }

        /** Delay between stream chunks (default none). */
        public Builder streamChunkDelay(Duration delay) {
            this.chunkDelayMillis = delay.toMillis();
            return this;
        }

        /** Seed of sampling above temperature 0 (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Requests handled at once (default 512: enough for hundreds of concurrent streams); a request
         * waits for one of these handlers only after it has been read in full.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1");
            }
            this.threads = threads;
            return this;
        }

        /**
         * Connections whose request is read at once (default 2048), apart from {@link #threads}: each
         * holds a thread while its client sends; further ones wait until one is answered or closed.
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("maxConnections must be >= 1");
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * How long a started request may leave the connection silent (default 10 s): the request line
         * and headers must arrive within it, and each wait for body bytes is at most this long; then
         * the connection is closed.
         */
        public Builder idleTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("idleTimeout must be positive");
            }
            this.idleTimeout = timeout;
            return this;
        }

        /** Output token limit of the base models and the default {@code maxOutputTokens} (default 8192). */
        public Builder outputTokenLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("outputTokenLimit must be >= 1");
            }
            this.outputTokenLimit = limit;
            return this;
        }

        /** Replaces the safety classifier. */
        public Builder safetyClassifier(SafetyClassifier classifier) {
            this.safetyClassifier = classifier;
            return this;
        }

        /** Replaces the bundled safety lexicon with a lexicon file (format in the README). */
        public Builder safetyLexicon(Path lexicon) {
            this.safetyLexicon = lexicon;
            return this;
        }

        /** Adds a behaviour file (JSON rules tried before the bundled behaviour); repeatable. */
        public Builder behaviourFile(Path file) {
            this.behaviourFiles.add(Objects.requireNonNull(file));
            return this;
        }

        /** Replaces the base models' answerer altogether. */
        public Builder baseAnswerer(Answerer answerer) {
            this.baseAnswerer = answerer;
            return this;
        }

        /** Directory where tuned models persist (null = in memory). */
        public Builder dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        /**
         * Directory of the emulator's Cloud Storage: {@code gs://BUCKET/OBJECT} is the file
         * {@code BUCKET/OBJECT} in it, for uploads, downloads and tuning datasets (default:
         * {@code gcs} under the {@link #dataDir data directory}, else a temporary directory deleted
         * when the emulator closes).
         */
        public Builder gcsDir(Path dir) {
            this.gcsDir = dir;
            return this;
        }

        /** Simulated duration of one tuning step in milliseconds (default 20). */
        public Builder tuningStepMillis(long millis) {
            if (millis < 0) {
                throw new IllegalArgumentException("tuningStepMillis must be >= 0");
            }
            this.tuningStepMillis = millis;
            return this;
        }

        /** The tuned-model implementation (default: found with ServiceLoader, else none). */
        public Builder tunedModelService(TunedModelServiceFactory factory) {
            this.tunedModelFactory = factory;
            return this;
        }

        /** A configured, not yet started emulator. */
        public GeminiEmulator build() {
            return new GeminiEmulator(this);
        }
    }
}
