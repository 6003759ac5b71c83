package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** A harm category with the probability of harm, and whether it caused a block. */
@API(status = API.Status.EXPERIMENTAL)
public record SafetyRating(HarmCategory category, HarmProbability probability, Boolean blocked) {
    /** A rating that did not block. */
    public static SafetyRating of(HarmCategory category, HarmProbability probability) {
        return new SafetyRating(category, probability, null);
    }

    /** Whether {@code blocked} is true. */
    public boolean isBlocked() {
        return Boolean.TRUE.equals(blocked);
    }
}
