package dev.tunegate.engine.run;

import com.google.auth.oauth2.GoogleCredentials;
import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.RetryPolicy;
import dev.tunegate.engine.config.ReplayMode;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.config.VertexConfiguration;
import dev.tunegate.engine.model.suite.SuiteFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The default {@link GatewayFactory}: a {@link GeminiClient} against {@code tunegate.endpoint} —
 * the in-process emulator ({@code embedded}, started on a free loopback port and stopped with the
 * gateway) or a real base URL with the API key from the configured environment variable — and, for
 * Vertex AI names, against the same emulator or Vertex AI ({@code tunegate.vertex.*}).
 */
@API(status = API.Status.INTERNAL)
public final class ClientGatewayFactory implements GatewayFactory {

    /** The project of short Vertex names on the embedded emulator when none is configured (it serves any). */
    static final String EMULATOR_PROJECT = "tunegate-emulator";

    /** The bucket of Vertex AI batch files on the embedded emulator when no staging bucket is configured. */
    static final String EMULATOR_BUCKET = "tunegate-staging";

    /** Most calls in one Vertex AI batch prediction job (a file per job; Vertex AI takes far more). */
    private static final int VERTEX_MAX_BATCH = 10_000;

    @Override
    public ModelGateway open(TuneGateConfiguration config, Consumer<String> progress) {
        EmbeddedEmulator emulator = null;
        String baseUrl;
        if (config.embedded()) {
            emulator = EmbeddedEmulator.start(
                    config.emulatorDataDir(), config.emulatorGcsDir(), config.emulatorDeployments());
            baseUrl = emulator.baseUrl();
            progress.accept("embedded Gemini emulator at " + baseUrl);
        } else {
            baseUrl = config.endpoint().get().toString();
        }
        GeminiClient.Builder builder = GeminiClient.builder()
                .baseUrl(baseUrl)
                .callTimeout(config.requestTimeout())
                .readTimeout(config.requestTimeout())
                .retryPolicy(RetryPolicy.defaults()
                        .withMaxAttempts(config.retryMaxAttempts())
                        .withMaxTotalTime(config.retryDeadline()))
                // The client owns concurrency and pacing (retries included); the engine's pipeline only looks ahead.
                .maxConcurrentRequests(config.concurrency())
                .requestsPerMinute(config.requestsPerMinute().orElse(0))
                .operationPolling(config.tuningPollInterval(), max(config.tuningPollInterval(), Duration.ofSeconds(5)));
        if (config.embedded()) {
            builder.apiKey(() -> "embedded-emulator");
        } else {
            builder.apiKeyEnv(config.apiKeyEnv());
        }
        vertex(builder, config, baseUrl);
        GeminiClient client = builder.build();
        SuiteFiles files = new SuiteFiles(
                config.projectRoot().orElse(null),
                config.suiteMaxBytes(),
                Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader()
                        : ClientGatewayFactory.class.getClassLoader());
        ModelGateway gateway = new GeminiGateway(
                        client, config.streaming(), config.tuningTimeout(), files, progress, config.tuneReplace())
                .withVertexTuning(
                        new ClientTuningJobs(client),
                        config.vertex()
                                .stagingBucket()
                                .or(() -> config.embedded()
                                        ? java.util.Optional.of(VertexTuning.EMBEDDED_BUCKET)
                                        : java.util.Optional.empty()));
        boolean runBatch = config.mode() == ReplayMode.BATCH;
        if (runBatch) {
            progress.accept("batch mode: calls go through :batchGenerateContent (Gemini API) and batchPredictionJobs"
                    + " (Vertex AI)");
        }
        // also in the other modes: a suite's mode: batch sends its calls through the batch APIs
        gateway = new VertexBatchGateway(
                client,
                gateway,
                config.vertex()
                        .stagingBucket()
                        .or(() -> config.embedded() ? Optional.of(EMULATOR_BUCKET) : Optional.empty()),
                Duration.ofMillis(100),
                VERTEX_MAX_BATCH,
                config.tuningTimeout(),
                progress,
                runBatch);
        gateway = new BatchGateway(
                client,
                gateway,
                Duration.ofMillis(100),
                500,
                config.tuningPollInterval(),
                config.tuningTimeout(),
                progress,
                runBatch);
        EmbeddedEmulator started = emulator;
        ModelGateway calls = gateway;
        return started == null
                ? calls
                : new ModelGateway() {
                    @Override
                    public java.util.concurrent.CompletableFuture<dev.tunegate.engine.matchers.ModelAnswer> generate(
                            String model, dev.tunegate.client.model.GenerateContentRequest request) {
                        return calls.generate(model, request);
                    }

                    @Override
                    public java.util.concurrent.CompletableFuture<dev.tunegate.engine.matchers.ModelAnswer> generate(
                            PlannedTest test,
                            int sample,
                            String model,
                            dev.tunegate.client.model.GenerateContentRequest request) {
                        return calls.generate(test, sample, model, request);
                    }

                    @Override
                    public java.util.concurrent.CompletableFuture<java.util.List<double[]>> embed(
                            String model, java.util.List<String> texts) {
                        return calls.embed(model, texts);
                    }

                    @Override
                    public void checkAccess(java.util.Collection<String> models) {
                        calls.checkAccess(models);
                    }

                    @Override
                    public java.util.concurrent.CompletableFuture<String> ready(
                            dev.tunegate.engine.model.suite.ModelVariant variant) {
                        return calls.ready(variant);
                    }

                    @Override
                    public java.util.Optional<dev.tunegate.engine.model.suite.VariantCheckpoint> checkpoint(
                            dev.tunegate.engine.model.suite.ModelVariant variant) {
                        return calls.checkpoint(variant);
                    }

                    @Override
                    public void close() {
                        try {
                            calls.close();
                        } finally {
                            started.close();
                        }
                    }
                };
    }

    /**
     * Vertex AI names: the embedded emulator serves them on its own port without credentials; otherwise they go to
     * {@code tunegate.vertex.endpoint} or Google's regional host, with an express-mode key or Google credentials
     * ({@code tunegate.vertex.credentials}, else Application Default Credentials).
     */
    private static void vertex(GeminiClient.Builder builder, TuneGateConfiguration config, String emulatorUrl) {
        VertexConfiguration vertex = config.vertex();
        vertex.project().ifPresent(builder::vertexProject);
        builder.vertexLocation(vertex.location()).vertexApiVersion(vertex.apiVersion());
        vertex.quotaProject().ifPresent(builder::vertexQuotaProject);
        if (config.embedded()) {
            if (vertex.project().isEmpty() && vertex.apiKeyEnv().isEmpty()) {
                builder.vertexProject(EMULATOR_PROJECT);
            }
            builder.vertexBaseUrl(vertex.endpoint().map(URI::toString).orElse(emulatorUrl));
        } else {
            vertex.endpoint().map(URI::toString).ifPresent(builder::vertexBaseUrl);
        }
        if (vertex.apiKeyEnv().isPresent()) {
            String variable = vertex.apiKeyEnv().get();
            builder.vertexApiKey(() -> System.getenv(variable));
        } else if (config.embedded() && vertex.endpoint().isEmpty()) {
            builder.vertexWithoutCredentials();
        } else if (vertex.credentials().isPresent()) {
            Path file = vertex.credentials().get();
            builder.vertexCredentials(() -> {
                try (InputStream in = Files.newInputStream(file)) {
                    return GoogleCredentials.fromStream(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(
                            "cannot read the Google credentials file " + file + " (tunegate.vertex.credentials): "
                                    + e.getMessage(),
                            e);
                }
            });
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
