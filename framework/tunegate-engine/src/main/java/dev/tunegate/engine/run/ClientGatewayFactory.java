package dev.tunegate.engine.run;

import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.RetryPolicy;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.model.suite.SuiteFiles;
import java.time.Duration;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The default {@link GatewayFactory}: a {@link GeminiClient} against {@code tunegate.endpoint} —
 * the in-process emulator ({@code embedded}, started on a free loopback port and stopped with the
 * gateway) or a real base URL with the API key from the configured environment variable.
 */
@API(status = API.Status.INTERNAL)
public final class ClientGatewayFactory implements GatewayFactory {

    @Override
    public ModelGateway open(TuneGateConfiguration config, Consumer<String> progress) {
        EmbeddedEmulator emulator = null;
        String baseUrl;
        if (config.embedded()) {
            emulator = EmbeddedEmulator.start(config.emulatorDataDir());
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
        GeminiClient client = builder.build();
        SuiteFiles files = new SuiteFiles(
                config.projectRoot().orElse(null),
                config.suiteMaxBytes(),
                Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader()
                        : ClientGatewayFactory.class.getClassLoader());
        GeminiGateway gateway = new GeminiGateway(
                client, config.streaming(), config.tuningTimeout(), files, progress, config.tuneReplace());
        EmbeddedEmulator started = emulator;
        return started == null
                ? gateway
                : new ModelGateway() {
                    @Override
                    public java.util.concurrent.CompletableFuture<dev.tunegate.engine.matchers.ModelAnswer> generate(
                            String model, dev.tunegate.client.model.GenerateContentRequest request) {
                        return gateway.generate(model, request);
                    }

                    @Override
                    public java.util.concurrent.CompletableFuture<java.util.List<double[]>> embed(
                            String model, java.util.List<String> texts) {
                        return gateway.embed(model, texts);
                    }

                    @Override
                    public java.util.concurrent.CompletableFuture<String> ready(
                            dev.tunegate.engine.model.suite.ModelVariant variant) {
                        return gateway.ready(variant);
                    }

                    @Override
                    public void close() {
                        try {
                            gateway.close();
                        } finally {
                            started.close();
                        }
                    }
                };
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
