package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.apiguardian.api.API;

/** Vertex AI's severity of a harm (ordered from lowest to highest), beside its probability. */
@API(status = API.Status.EXPERIMENTAL)
public enum HarmSeverity {
    HARM_SEVERITY_UNSPECIFIED,
    HARM_SEVERITY_NEGLIGIBLE,
    HARM_SEVERITY_LOW,
    HARM_SEVERITY_MEDIUM,
    HARM_SEVERITY_HIGH,
    /** A value this client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
