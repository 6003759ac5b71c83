package dev.tunegate.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A Vertex AI batch prediction job ({@code projects/P/locations/L/batchPredictionJobs/ID}) of a Gemini model, as
 * created, read and listed through {@code dev.tunegate.client.VertexBatchPredictionJobs}: JSONL requests read from
 * Cloud Storage, JSONL predictions written under an output prefix. A finished job has a terminal {@link #state} and,
 * once it wrote anything, {@code outputInfo.gcsOutputDirectory}.
 *
 * @param name            {@code projects/P/locations/L/batchPredictionJobs/ID}; null in a create request
 * @param displayName     the job's display name (required by Vertex AI)
 * @param model           {@code publishers/google/models/M}, or a tuned model {@code projects/P/locations/L/models/M}
 * @param inputConfig     where the requests are read from
 * @param outputConfig    where the predictions are written
 * @param state           the job's state
 * @param error           why it failed or was cancelled
 * @param completionStats how many requests succeeded, failed or are not done yet
 * @param outputInfo      the directory the predictions were written to
 * @param createTime      when it was created
 * @param startTime       when it started running
 * @param endTime         when it reached a terminal state
 * @param updateTime      when it last changed
 */
@API(status = API.Status.EXPERIMENTAL)
public record VertexBatchPredictionJob(
        String name,
        String displayName,
        String model,
        InputConfig inputConfig,
        OutputConfig outputConfig,
        VertexJobState state,
        Status error,
        CompletionStats completionStats,
        OutputInfo outputInfo,
        Instant createTime,
        Instant startTime,
        Instant endTime,
        Instant updateTime) {

    /** {@code inputConfig}: {@code instancesFormat} {@code jsonl} and the {@code gs://} files to read. */
    @API(status = API.Status.EXPERIMENTAL)
    public record InputConfig(String instancesFormat, GcsSource gcsSource) {}

    /** {@code gcsSource}: the input files. */
    @API(status = API.Status.EXPERIMENTAL)
    public record GcsSource(List<String> uris) {
        public GcsSource {
            uris = uris == null ? null : List.copyOf(uris);
        }
    }

    /** {@code outputConfig}: {@code predictionsFormat} {@code jsonl} and the {@code gs://} prefix to write under. */
    @API(status = API.Status.EXPERIMENTAL)
    public record OutputConfig(String predictionsFormat, GcsDestination gcsDestination) {}

    /** {@code gcsDestination}: the output prefix. */
    @API(status = API.Status.EXPERIMENTAL)
    public record GcsDestination(String outputUriPrefix) {}

    /**
     * {@code completionStats} (int64 counts, sent as strings).
     *
     * @param successfulCount requests answered
     * @param failedCount     requests that failed
     * @param incompleteCount requests not processed (yet)
     */
    @API(status = API.Status.EXPERIMENTAL)
    public record CompletionStats(Long successfulCount, Long failedCount, Long incompleteCount) {}

    /** {@code outputInfo}: where the job wrote its predictions ({@code gs://BUCKET/PREFIX/prediction-model-...}). */
    @API(status = API.Status.EXPERIMENTAL)
    public record OutputInfo(String gcsOutputDirectory) {}

    /**
     * The body of a {@code batchPredictionJobs.create} call for a Gemini model: JSONL requests from
     * {@code inputUris}, JSONL predictions under {@code outputUriPrefix}.
     */
    public static VertexBatchPredictionJob jsonl(
            String model, List<String> inputUris, String outputUriPrefix, String displayName) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(outputUriPrefix, "outputUriPrefix");
        Objects.requireNonNull(displayName, "displayName");
        if (inputUris == null || inputUris.isEmpty()) {
            throw new IllegalArgumentException("a batch prediction job needs at least one input URI");
        }
        return new VertexBatchPredictionJob(
                null,
                displayName,
                model,
                new InputConfig("jsonl", new GcsSource(inputUris)),
                new OutputConfig("jsonl", new GcsDestination(outputUriPrefix)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /** True once the job will not change again ({@link VertexJobState#isTerminal()}). */
    public boolean isDone() {
        return state != null && state.isTerminal();
    }

    /** True when every request was answered or the job ended partially answered. */
    public boolean succeeded() {
        return state == VertexJobState.JOB_STATE_SUCCEEDED || state == VertexJobState.JOB_STATE_PARTIALLY_SUCCEEDED;
    }
}
