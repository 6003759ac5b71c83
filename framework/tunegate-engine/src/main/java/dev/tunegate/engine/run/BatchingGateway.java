package dev.tunegate.engine.run;

import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A gateway that sends calls through a batch API: calls to one model are gathered ({@link CallBatcher}) and each batch
 * is submitted as one job ({@link #submit}); calls it does not batch go to the delegate. {@link BatchGateway} (Gemini
 * API) and {@link VertexBatchGateway} (Vertex AI) decide by the same rule which calls are batched ({@link #batched}).
 */
abstract class BatchingGateway extends ForwardingGateway {

    protected final GeminiClient client;
    /** How long a batch may take, {@code tunegate.tuning.timeout}. */
    protected final Duration timeout;

    protected final Consumer<String> progress;
    /** {@code tunegate.mode=batch}: the default of suites that do not say, and the mode of calls made for no test. */
    protected final boolean runBatch;

    private final CallBatcher batcher;

    BatchingGateway(
            GeminiClient client,
            ModelGateway delegate,
            Duration linger,
            int maxBatch,
            Duration timeout,
            Consumer<String> progress,
            boolean runBatch) {
        super(delegate);
        this.client = client;
        this.timeout = timeout;
        this.progress = progress;
        this.runBatch = runBatch;
        this.batcher = new CallBatcher(linger, maxBatch, this::submit);
    }

    /**
     * Whether a test's calls go through the batch API: its suite's {@code mode:} when written ({@code batch} or
     * {@code online}), else {@code tunegate.mode=batch}. The suite wins: it knows e.g. that its latency checks need
     * online calls.
     */
    protected final boolean batched(PlannedTest test) {
        return test.suite().batch().orElse(runBatch);
    }

    /** Adds the call to the next batch to {@code model}. */
    protected final CompletableFuture<ModelAnswer> batch(String model, GenerateContentRequest request) {
        return batcher.add(model, request);
    }

    /** Sends one batch of calls to {@code model} and completes each answer (or fails it) when the job is done. */
    protected abstract void submit(
            String model, List<GenerateContentRequest> requests, List<CompletableFuture<ModelAnswer>> answers);

    /** Stops gathering calls, then closes the delegate. */
    @Override
    public void close() {
        batcher.close();
        super.close();
    }
}
