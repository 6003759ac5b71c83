package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Probability that a piece of content is harmful (ordered from lowest to highest). */
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
