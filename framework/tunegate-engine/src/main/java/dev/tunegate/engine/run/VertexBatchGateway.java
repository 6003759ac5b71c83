package dev.tunegate.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.CloudStorage;
import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.ModelName;
import dev.tunegate.client.VertexBatchPredictionJobs;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.VertexBatchPrediction;
import dev.tunegate.client.model.VertexBatchPredictionJob;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Batch mode ({@code tunegate.mode=batch}) for Vertex AI models: calls to one publisher or tuned model resource are
 * gathered ({@link CallBatcher}), written as one JSONL file ({@code {"key", "request"}} per line) to
 * {@code tunegate.vertex.staging-bucket}, and sent as one {@code batchPredictionJobs} job whose state and counts are
 * shown while it runs; its {@code predictions.jsonl} is downloaded and every line is mapped back to its call by its
 * key (the output is in no particular order), then scored, recorded and reported like an online call. Endpoints
 * (which Vertex AI batch jobs do not take), Gemini API models, provisioning and embeddings go to the delegate.
 */
final class VertexBatchGateway extends BatchingGateway {

    private static final ObjectMapper JSON = GeminiJson.newMapper();

    private final Optional<String> bucket;

    VertexBatchGateway(
            GeminiClient client,
            ModelGateway delegate,
            Optional<String> bucket,
            Duration linger,
            int maxBatch,
            Duration timeout,
            Consumer<String> progress,
            boolean runBatch) {
        super(client, delegate, linger, maxBatch, timeout, progress, runBatch);
        this.bucket = bucket;
    }

    /** True for names Vertex AI serves. */
    static boolean isVertex(String model) {
        return name(model).map(ModelName::vertex).orElse(false);
    }

    private static Optional<ModelName> name(String model) {
        try {
            return Optional.of(ModelName.parse(model));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public CompletableFuture<ModelAnswer> generate(String model, GenerateContentRequest request) {
        return runBatch && batchable(model) ? batch(model, request) : delegate.generate(model, request);
    }

    /** A test's call is batched when its suite's {@code mode:} (else {@code tunegate.mode}) says batch. */
    @Override
    public CompletableFuture<ModelAnswer> generate(
            PlannedTest test, int sample, String model, GenerateContentRequest request) {
        return batched(test) && batchable(model)
                ? batch(model, request)
                : delegate.generate(test, sample, model, request);
    }

    /** Vertex AI publisher and tuned models (batch prediction jobs take models, not endpoints). */
    private static boolean batchable(String model) {
        return name(model)
                .map(n -> n.vertex() && n.kind() != ModelName.Kind.VERTEX_ENDPOINT)
                .orElse(false);
    }

    @Override
    protected void submit(
            String model, List<GenerateContentRequest> requests, List<CompletableFuture<ModelAnswer>> answers) {
        String staging = bucket.orElseThrow(() -> new IllegalStateException("HTTP 400: batch mode for the Vertex AI"
                + " model " + model + " needs a Cloud Storage bucket for its input and output: set"
                + " tunegate.vertex.staging-bucket"));
        long start = System.nanoTime();
        VertexBatchPredictionJobs jobs = client.vertexBatchPredictionJobs();
        Map<String, GenerateContentRequest> keyed = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            keyed.put(Integer.toString(i), requests.get(i));
        }
        String folder = "tunegate/batch/" + UUID.randomUUID();
        String input = client.cloudStorage()
                .upload(staging, folder + "/input.jsonl", jobs.inputJsonl(keyed), "application/jsonl")
                .gsUri();
        ModelName name = ModelName.parse(model);
        String parent = name.project().isPresent()
                ? "projects/" + name.project().get() + "/locations/"
                        + name.location().get()
                : jobs.defaultParent();
        VertexBatchPredictionJob job = jobs.create(
                parent,
                VertexBatchPredictionJob.jsonl(
                        model, List.of(input), CloudStorage.gsUri(staging, folder + "/output"), "tunegate " + model));
        progress.accept("batch prediction job " + job.name() + " of " + requests.size() + " calls to " + model
                + " submitted (" + job.state() + ", input " + input + ")");
        String[] last = {""};
        VertexBatchPredictionJob done = jobs.await(
                job,
                j -> {
                    String state = j.state() + counts(j);
                    if (!state.equals(last[0])) {
                        progress.accept("batch prediction job " + j.name() + ": " + state);
                        last[0] = state;
                    }
                },
                timeout,
                null);
        if (!done.succeeded()) {
            throw new IllegalStateException(
                    "HTTP 500: batch prediction job " + done.name() + " of " + model + " ended " + done.state()
                            + (done.error() == null ? "" : ": " + done.error().message()));
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        complete(done, jobs.predictions(done), keyed, answers, latency);
    }

    private static String counts(VertexBatchPredictionJob job) {
        var stats = job.completionStats();
        return stats == null
                ? ""
                : " (" + stats.successfulCount() + " succeeded, " + stats.failedCount() + " failed, "
                        + stats.incompleteCount() + " incomplete)";
    }

    /**
     * Completes each call with its line, found by key, or else by the request it echoes; a call without a line fails.
     */
    private static void complete(
            VertexBatchPredictionJob job,
            List<VertexBatchPrediction> lines,
            Map<String, GenerateContentRequest> keyed,
            List<CompletableFuture<ModelAnswer>> answers,
            Duration latency) {
        List<String> unmatched = new ArrayList<>(keyed.keySet());
        for (VertexBatchPrediction line : lines) {
            String key = line.key() != null && keyed.containsKey(line.key())
                    ? line.key()
                    : byRequest(line, keyed, unmatched);
            if (key == null || !unmatched.remove(key)) {
                continue;
            }
            CompletableFuture<ModelAnswer> answer = answers.get(Integer.parseInt(key));
            if (line.answered()) {
                answer.complete(new ModelAnswer(line.response(), latency, Optional.empty(), 0));
            } else {
                answer.completeExceptionally(new IllegalStateException("HTTP 400: in batch prediction job " + job.name()
                        + ": " + (line.status() == null || line.status().isEmpty() ? "no response" : line.status())));
            }
        }
        for (CompletableFuture<ModelAnswer> answer : answers) {
            answer.completeExceptionally(new IllegalStateException(
                    "HTTP 500: batch prediction job " + job.name() + " returned no prediction for a call"));
        }
    }

    /** The key of the first unmatched call whose request equals the one the line echoes, or null. */
    private static String byRequest(
            VertexBatchPrediction line, Map<String, GenerateContentRequest> keyed, List<String> unmatched) {
        if (line.request() == null) {
            return null;
        }
        for (String key : unmatched) {
            JsonNode sent = JSON.valueToTree(keyed.get(key));
            if (sent.equals(line.request())) {
                return key;
            }
        }
        return null;
    }
}
