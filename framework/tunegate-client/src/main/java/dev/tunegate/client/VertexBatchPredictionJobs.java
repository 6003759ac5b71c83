package dev.tunegate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.ListVertexBatchPredictionJobsResponse;
import dev.tunegate.client.model.VertexBatchPrediction;
import dev.tunegate.client.model.VertexBatchPredictionJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.apiguardian.api.API;

/**
 * Vertex AI batch inference ({@code projects.locations.batchPredictionJobs}) of Gemini models: create, get, list,
 * cancel and wait for a job, write its JSONL input and read its JSONL output. Reached through
 * {@link GeminiClient#vertexBatchPredictionJobs()}; calls go where the client's Vertex AI calls go with the same
 * credentials, limits and retries, and files move through {@link GeminiClient#cloudStorage()}.
 *
 * <p>An input line is {@code {"key": K, "request": GenerateContentRequest}}; an output line keeps the input line's
 * fields and adds a {@code response} (or a {@code status} saying why the request failed). Output lines are not in
 * input order: match them by {@code key}.
 *
 * <pre>{@code
 * VertexBatchPredictionJobs batches = client.vertexBatchPredictionJobs();
 * client.cloudStorage().upload("my-bucket", "in/calls.jsonl", batches.inputJsonl(Map.of("1", request)), null);
 * VertexBatchPredictionJob job = batches.create(VertexBatchPredictionJob.jsonl(
 *         "publishers/google/models/gemini-2.5-flash", List.of("gs://my-bucket/in/calls.jsonl"),
 *         "gs://my-bucket/out", "tunegate"));
 * VertexBatchPredictionJob done = batches.await(job, j -> System.out.println(j.state()), Duration.ofHours(24), null);
 * List<VertexBatchPrediction> lines = batches.predictions(done);
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL)
public final class VertexBatchPredictionJobs {
    /** The file a Gemini batch prediction job writes in its output directory. */
    public static final String PREDICTIONS_FILE = "predictions.jsonl";

    private final VertexJobResource<VertexBatchPredictionJob> jobs;
    private final CloudStorage storage;
    private final ObjectMapper mapper;

    VertexBatchPredictionJobs(
            VertexRest rest,
            VertexSettings settings,
            HttpUrl baseUrl,
            CloudStorage storage,
            ObjectMapper mapper,
            Duration pollInitial,
            Duration pollMax,
            Ticker ticker) {
        this.jobs = new VertexJobResource<>(
                rest,
                new VertexJobPaths(settings, baseUrl, "batchPredictionJobs", "batch prediction job"),
                VertexBatchPredictionJob.class,
                VertexBatchPredictionJob::name,
                VertexBatchPredictionJob::state,
                VertexBatchPredictionJob::isDone,
                "VertexBatchPredictionJobs.cancel",
                pollInitial,
                pollMax,
                ticker);
        this.storage = storage;
        this.mapper = mapper;
    }

    /** {@code projects/P/locations/L} of the client's Vertex project and location. */
    public String defaultParent() {
        return jobs.defaultParent();
    }

    /** Creates a job in the client's project and location. */
    public VertexBatchPredictionJob create(VertexBatchPredictionJob request) {
        return create(defaultParent(), request);
    }

    /**
     * Creates a job ({@code POST /{version}/{parent}/batchPredictionJobs}); Vertex AI answers with the job itself
     * (usually {@code JOB_STATE_PENDING}). Build the request with {@link VertexBatchPredictionJob#jsonl}.
     */
    public VertexBatchPredictionJob create(String parent, VertexBatchPredictionJob request) {
        return jobs.create(parent, request);
    }

    /** Reads a job ({@code GET /{version}/{name}}); {@code name} may be a bare ID in the default parent. */
    public VertexBatchPredictionJob get(String name) {
        return jobs.get(name);
    }

    /** One page of jobs under {@code parent} (null: the default); {@code pageSize}, {@code pageToken} may be null. */
    public ListVertexBatchPredictionJobsResponse list(String parent, Integer pageSize, String pageToken) {
        return jobs.list(parent, null, pageSize, pageToken, ListVertexBatchPredictionJobsResponse.class);
    }

    /** Asks Vertex AI to cancel a job ({@code POST /{version}/{name}:cancel}). */
    public void cancel(String name) {
        jobs.cancel(name);
    }

    /**
     * Reads {@code job} again and again until it reaches a terminal state and returns that state (which may be failed
     * or cancelled: look at {@link VertexBatchPredictionJob#succeeded()} and {@code error}), handing every read to
     * {@code progress} (may be null). When {@code cancelRequested} (may be null) turns true, {@code :cancel} is sent
     * once and the wait goes on until the job is cancelled.
     *
     * @throws GeminiApiException {@code DEADLINE_EXCEEDED} when {@code timeout} passes first, {@code CANCELLED} when
     *     the thread is interrupted (the job keeps running then), or the error of a read
     */
    public VertexBatchPredictionJob await(
            VertexBatchPredictionJob job,
            Consumer<VertexBatchPredictionJob> progress,
            Duration timeout,
            BooleanSupplier cancelRequested) {
        return jobs.await(job, progress, timeout, cancelRequested);
    }

    /** The JSONL input of {@code requests} by key: one {@code {"key": K, "request": R}} line each, in map order. */
    public byte[] inputJsonl(Map<String, GenerateContentRequest> requests) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, GenerateContentRequest> e : requests.entrySet()) {
                ObjectNode line = mapper.createObjectNode();
                line.put("key", e.getKey());
                line.set("request", mapper.valueToTree(e.getValue()));
                out.write(mapper.writeValueAsBytes(line));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The output lines of a finished job: {@value #PREDICTIONS_FILE} in its {@code outputInfo.gcsOutputDirectory},
     * downloaded through Cloud Storage.
     *
     * @throws IllegalStateException when the job has no output directory (it wrote nothing)
     */
    public List<VertexBatchPrediction> predictions(VertexBatchPredictionJob job) {
        if (job.outputInfo() == null || job.outputInfo().gcsOutputDirectory() == null) {
            throw new IllegalStateException(
                    "batch prediction job " + job.name() + " (" + job.state() + ") has no output directory");
        }
        String dir = job.outputInfo().gcsOutputDirectory();
        return parsePredictions(storage.download((dir.endsWith("/") ? dir : dir + "/") + PREDICTIONS_FILE));
    }

    /** Reads JSONL output lines; a line that is not JSON is an {@link IllegalArgumentException} naming it. */
    public List<VertexBatchPrediction> parsePredictions(byte[] jsonl) {
        List<VertexBatchPrediction> out = new ArrayList<>();
        String[] lines = new String(jsonl, StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                JsonNode line = mapper.readTree(lines[i]);
                JsonNode response = line.get("response");
                out.add(new VertexBatchPrediction(
                        line.hasNonNull("key") ? line.get("key").asText() : null,
                        line.get("request"),
                        response == null || response.isNull()
                                ? null
                                : mapper.treeToValue(response, GenerateContentResponse.class),
                        line.hasNonNull("status") ? statusText(line.get("status")) : null));
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "batch prediction output line " + (i + 1) + " is not a prediction: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** A status is a string, or an object with a message. */
    private static String statusText(JsonNode status) {
        return status.isTextual() ? status.asText() : status.path("message").asText(status.toString());
    }

    @Override
    public String toString() {
        return "VertexBatchPredictionJobs[" + jobs + "]";
    }
}
