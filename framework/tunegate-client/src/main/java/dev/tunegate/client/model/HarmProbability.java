package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.apiguardian.api.API;

/** Probability that a piece of content is harmful (ordered from lowest to highest). */
@API(status = API.Status.EXPERIMENTAL)
public enum HarmProbability {
    HARM_PROBABILITY_UNSPECIFIED,
    NEGLIGIBLE,
    LOW,
    MEDIUM,
    HIGH,
    /** A value this client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
