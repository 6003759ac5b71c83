package dev.tunegate.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A Vertex AI tuning job ({@code projects/P/locations/L/tuningJobs/ID}), as created, read and listed through
 * {@code dev.tunegate.client.VertexTuningJobs}. Not the Gemini API's tuned-model operation: Vertex AI answers
 * {@code tuningJobs.create} with the job itself. A finished job has {@code state == JOB_STATE_SUCCEEDED} and a
 * {@link #tunedModel} with its endpoint and per-epoch checkpoints.
 *
 * @param name                  {@code projects/P/locations/L/tuningJobs/ID}; null in a create request
 * @param tunedModelDisplayName display name of the tuned model
 * @param description           free text
 * @param baseModel             the model tuned, e.g. {@code gemini-2.5-flash}
 * @param supervisedTuningSpec  training and validation data and hyperparameters
 * @param labels                user labels (keys and values of lower-case letters, digits, {@code -} and {@code _})
 * @param state                 the job's state
 * @param createTime            when it was created
 * @param startTime             when it started running
 * @param endTime               when it reached a terminal state
 * @param updateTime            when it last changed
 * @param error                 why it failed or was cancelled
 * @param tunedModel            the tuned model, its endpoint and checkpoints (once succeeded)
 * @param tuningDataStats       statistics of the training data, passed through as JSON
 * @param experiment            the Vertex AI experiment holding its metrics
 */
@API(status = API.Status.EXPERIMENTAL)
public record VertexTuningJob(
        String name,
        String tunedModelDisplayName,
        String description,
        String baseModel,
        VertexSupervisedTuningSpec supervisedTuningSpec,
        Map<String, String> labels,
        VertexJobState state,
        Instant createTime,
        Instant startTime,
        Instant endTime,
        Instant updateTime,
        Status error,
        VertexTunedModelRef tunedModel,
        JsonNode tuningDataStats,
        String experiment) {

    public VertexTuningJob {
        labels = labels == null ? null : Map.copyOf(labels);
    }

    /**
     * The body of a {@code tuningJobs.create} call: only the fields a caller sets (the others stay null and are not
     * sent). {@code description} and {@code labels} may be null.
     */
    public static VertexTuningJob supervised(
            String baseModel,
            VertexSupervisedTuningSpec spec,
            String tunedModelDisplayName,
            String description,
            Map<String, String> labels) {
        Objects.requireNonNull(baseModel, "baseModel");
        Objects.requireNonNull(spec, "spec");
        return new VertexTuningJob(
                null,
                tunedModelDisplayName,
                description,
                baseModel,
                spec,
                labels,
                null,
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

    /** True when the job succeeded. */
    public boolean succeeded() {
        return state == VertexJobState.JOB_STATE_SUCCEEDED;
    }

    /** The labels, never null. */
    public Map<String, String> labelMap() {
        return labels == null ? Map.of() : labels;
    }
}
