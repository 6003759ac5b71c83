package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.Set;
import org.apiguardian.api.API;

/** The state of a Vertex AI job ({@code google.cloud.aiplatform.v1.JobState}): tuning and batch prediction jobs. */
@API(status = API.Status.EXPERIMENTAL)
public enum VertexJobState {
    JOB_STATE_UNSPECIFIED,
    JOB_STATE_QUEUED,
    JOB_STATE_PENDING,
    JOB_STATE_RUNNING,
    JOB_STATE_SUCCEEDED,
    JOB_STATE_FAILED,
    JOB_STATE_CANCELLING,
    JOB_STATE_CANCELLED,
    JOB_STATE_PAUSED,
    JOB_STATE_EXPIRED,
    JOB_STATE_UPDATING,
    JOB_STATE_PARTIALLY_SUCCEEDED,
    /** A value this client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED;

    private static final Set<VertexJobState> TERMINAL = Set.of(
            JOB_STATE_SUCCEEDED,
            JOB_STATE_FAILED,
            JOB_STATE_CANCELLED,
            JOB_STATE_EXPIRED,
            JOB_STATE_PARTIALLY_SUCCEEDED);

    /** True when the job will not change state again (succeeded, failed, cancelled, expired, partially succeeded). */
    public boolean isTerminal() {
        return TERMINAL.contains(this);
    }
}
