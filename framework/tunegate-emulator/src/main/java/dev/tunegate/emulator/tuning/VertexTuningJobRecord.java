package dev.tunegate.emulator.tuning;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.client.model.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A Vertex AI tuning job as the emulator keeps (and persists) it.
 *
 * @param parent          {@code projects/P/locations/L}
 * @param jobId           the job's id (digits)
 * @param baseModel       the base model as requested
 * @param servedBaseModel the emulator's base model its checkpoints fall back to ({@code models/M})
 * @param displayName     {@code tunedModelDisplayName}, or null
 * @param description     or null
 * @param labels          the job's labels
 * @param spec            the echoed {@code supervisedTuningSpec}
 * @param state           {@code JOB_STATE_PENDING}, {@code _RUNNING}, {@code _SUCCEEDED}, {@code _FAILED}, {@code _CANCELLED}
 * @param createTime      when it was created
 * @param startTime       when training started, or null
 * @param endTime         when it ended, or null
 * @param updateTime      last change
 * @param error           why it failed or was cancelled, or null
 * @param tuningDataStats the {@code tuningDataStats} object
 * @param modelId         id of the tuned model {@code parent/models/{modelId}@1}
 * @param checkpoints     the checkpoints kept so far, in epoch order
 */
record VertexTuningJobRecord(
        String parent,
        String jobId,
        String baseModel,
        String servedBaseModel,
        String displayName,
        String description,
        Map<String, String> labels,
        JsonNode spec,
        String state,
        Instant createTime,
        Instant startTime,
        Instant endTime,
        Instant updateTime,
        Status error,
        Map<String, Object> tuningDataStats,
        String modelId,
        List<Checkpoint> checkpoints) {

    static final String PENDING = "JOB_STATE_PENDING";
    static final String RUNNING = "JOB_STATE_RUNNING";
    static final String SUCCEEDED = "JOB_STATE_SUCCEEDED";
    static final String FAILED = "JOB_STATE_FAILED";
    static final String CANCELLED = "JOB_STATE_CANCELLED";

    VertexTuningJobRecord {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        tuningDataStats = tuningDataStats == null ? Map.of() : Map.copyOf(tuningDataStats);
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /**
     * One checkpoint: the learned state at the end of an epoch, deployed to its own endpoint.
     *
     * @param checkpointId its id ({@code 1}, {@code 2}, ... in epoch order)
     * @param epoch        the epoch it ends
     * @param step         the step it was taken at
     * @param endpointId   the endpoint that serves it
     */
    record Checkpoint(String checkpointId, long epoch, long step, String endpointId) {}

    String name() {
        return parent + "/tuningJobs/" + jobId;
    }

    boolean finished() {
        return state.equals(SUCCEEDED) || state.equals(FAILED) || state.equals(CANCELLED);
    }

    VertexTuningJobRecord running(Instant now) {
        return progressed(RUNNING, startTime == null ? now : startTime, null, now, null, checkpoints);
    }

    VertexTuningJobRecord withCheckpoints(List<Checkpoint> kept, Instant now) {
        return progressed(state, startTime, endTime, now, error, kept);
    }

    /** Ended in {@code endState}; a cancelled or failed job keeps no checkpoints. */
    VertexTuningJobRecord ended(String endState, Status why, Instant now) {
        return progressed(endState, startTime, now, now, why, endState.equals(SUCCEEDED) ? checkpoints : List.of());
    }

    /** This job with what running it changes; what it was created with is kept. */
    private VertexTuningJobRecord progressed(
            String newState,
            Instant newStartTime,
            Instant newEndTime,
            Instant newUpdateTime,
            Status newError,
            List<Checkpoint> newCheckpoints) {
        return new VertexTuningJobRecord(
                parent,
                jobId,
                baseModel,
                servedBaseModel,
                displayName,
                description,
                labels,
                spec,
                newState,
                createTime,
                newStartTime,
                newEndTime,
                newUpdateTime,
                newError,
                tuningDataStats,
                modelId,
                newCheckpoints);
    }
}
