package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.apiguardian.api.API;

/** Block at and beyond a given harm probability. */
@API(status = API.Status.EXPERIMENTAL)
public enum HarmBlockThreshold {
    HARM_BLOCK_THRESHOLD_UNSPECIFIED,
    BLOCK_LOW_AND_ABOVE,
    BLOCK_MEDIUM_AND_ABOVE,
    BLOCK_ONLY_HIGH,
    BLOCK_NONE,
    /** Turns the safety filter off (public API; not in the seeds). */
    OFF,
    /** A value this client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED;

    /**
     * Whether content with the given probability is blocked by this threshold.
     * Unspecified and unknown thresholds block nothing here; callers apply their own default.
     */
    public boolean blocks(HarmProbability probability) {
        if (probability == null) {
            return false;
        }
        return switch (this) {
            case BLOCK_LOW_AND_ABOVE ->
                probability.compareTo(HarmProbability.LOW) >= 0 && probability != HarmProbability.UNRECOGNIZED;
            case BLOCK_MEDIUM_AND_ABOVE ->
                probability.compareTo(HarmProbability.MEDIUM) >= 0 && probability != HarmProbability.UNRECOGNIZED;
            case BLOCK_ONLY_HIGH -> probability == HarmProbability.HIGH;
            default -> false;
        };
    }
}
