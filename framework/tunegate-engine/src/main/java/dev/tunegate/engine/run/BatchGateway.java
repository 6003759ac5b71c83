package dev.tunegate.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.Operation;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Batch mode ({@code tunegate.mode=batch}): the calls of a run go to the Gemini API's batch API instead of
 * one {@code generateContent} request each. Calls to one model are gathered until {@code linger} passes
 * without a new one (or {@code maxBatch} are waiting), submitted as one {@code :batchGenerateContent} with
 * inline requests, and the batch ({@code batches/{id}}) is polled until it is done, reporting its state
 * and progress; each call then completes with its inlined response (or fails with its error), and is
 * scored, recorded and reported like an online call. Tuned-model provisioning, and Vertex AI models (batched by
 * {@link VertexBatchGateway}), go to the delegate.
 */
final class BatchGateway extends BatchingGateway {

    private static final ObjectMapper JSON = GeminiJson.newMapper();

    private final Duration poll;

    private final java.util.Set<String> announced = java.util.concurrent.ConcurrentHashMap.newKeySet();

    BatchGateway(
            GeminiClient client,
            ModelGateway delegate,
            Duration linger,
            int maxBatch,
            Duration poll,
            Duration timeout,
            Consumer<String> progress,
            boolean runBatch) {
        super(client, delegate, linger, maxBatch, timeout, progress, runBatch);
        this.poll = poll;
    }

    /** Gemini API models are batched here; Vertex AI models go to the delegate (its own batch mode). */
    @Override
    public CompletableFuture<ModelAnswer> generate(String model, GenerateContentRequest request) {
        return !runBatch || VertexBatchGateway.isVertex(model)
                ? delegate.generate(model, request)
                : batch(model, request);
    }

    @Override
    public CompletableFuture<ModelAnswer> generate(
            PlannedTest test, int sample, String model, GenerateContentRequest request) {
        if (!batched(test)) {
            return delegate.generate(test, sample, model, request);
        }
        if (!runBatch && announced.add(test.suite().name())) {
            progress.accept("suite " + test.suite().name() + " (mode: batch): calls go through :batchGenerateContent"
                    + " (Gemini API) and batchPredictionJobs (Vertex AI)");
        }
        return VertexBatchGateway.isVertex(model)
                ? delegate.generate(test, sample, model, request)
                : batch(model, request);
    }

    @Override
    protected void submit(
            String model, List<GenerateContentRequest> requests, List<CompletableFuture<ModelAnswer>> answers) {
        long start = System.nanoTime();
        Operation batch = client.batchGenerateContent(model, requests, "tunegate " + model);
        progress.accept("batch " + batch.name() + " of " + requests.size() + " calls to " + model + " submitted");
        await(batch, model, answers, start);
    }

    private void await(Operation batch, String model, List<CompletableFuture<ModelAnswer>> answers, long start) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastState = "";
        Operation current = batch;
        while (!Boolean.TRUE.equals(current.done())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("HTTP 504: batch " + batch.name() + " of " + model
                        + " did not finish within " + timeout + " (tunegate.tuning.timeout)");
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for batch " + batch.name(), e);
            }
            current = client.getBatch(batch.name());
            JsonNode meta = current.metadata() == null ? JSON.createObjectNode() : current.metadata();
            String state = meta.path("state").asText("") + " " + meta.path("batchStats");
            if (!state.equals(lastState)) {
                progress.accept("batch " + batch.name() + ": " + state.strip());
                lastState = state;
            }
        }
        if (current.error() != null) {
            throw new IllegalStateException("HTTP 500: batch " + batch.name() + " failed: "
                    + current.error().message());
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        JsonNode results = current.response().path("inlinedResponses").path("inlinedResponses");
        for (int i = 0; i < answers.size(); i++) {
            JsonNode result = results.path(i);
            int key = result.path("metadata").path("key").asInt(i);
            CompletableFuture<ModelAnswer> answer = answers.get(key);
            if (result.has("response")) {
                try {
                    GenerateContentResponse response =
                            JSON.treeToValue(result.get("response"), GenerateContentResponse.class);
                    answer.complete(new ModelAnswer(response, latency, Optional.empty(), 0));
                } catch (Exception e) {
                    answer.completeExceptionally(e);
                }
            } else {
                answer.completeExceptionally(new IllegalStateException(
                        "HTTP " + result.path("error").path("code").asInt(500) + ": in batch " + batch.name() + ": "
                                + result.path("error").path("message").asText("no response")));
            }
        }
        for (CompletableFuture<ModelAnswer> answer : answers) {
            answer.completeExceptionally(
                    new IllegalStateException("HTTP 500: batch " + batch.name() + " returned no response for a call"));
        }
    }
}
