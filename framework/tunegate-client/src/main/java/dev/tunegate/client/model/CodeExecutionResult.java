package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.apiguardian.api.API;

/** The result of executing {@link ExecutableCode}. */
@API(status = API.Status.EXPERIMENTAL)
public record CodeExecutionResult(Outcome outcome, String output) {
    /** Outcome of the execution. */
    public enum Outcome {
        OUTCOME_UNSPECIFIED,
        OUTCOME_OK,
        OUTCOME_FAILED,
        OUTCOME_DEADLINE_EXCEEDED,
        /** A value this client does not know. */
        @JsonEnumDefaultValue
        UNRECOGNIZED
    }
}
