package dev.tunegate.client.model;

import org.apiguardian.api.API;

/**
 * A harm category with the probability of harm, and whether it caused a block. Vertex AI adds a
 * {@code probabilityScore} and a {@code severity} with its {@code severityScore} (scores in [0, 1]).
 */
@API(status = API.Status.EXPERIMENTAL)
public record SafetyRating(
        HarmCategory category,
        HarmProbability probability,
        Boolean blocked,
        Double probabilityScore,
        HarmSeverity severity,
        Double severityScore) {
    /** A rating without Vertex AI's scores. */
    public SafetyRating(HarmCategory category, HarmProbability probability, Boolean blocked) {
        this(category, probability, blocked, null, null, null);
    }

    /** A rating that did not block. */
    public static SafetyRating of(HarmCategory category, HarmProbability probability) {
        return new SafetyRating(category, probability, null);
    }

    /** Whether {@code blocked} is true. */
    public boolean isBlocked() {
        return Boolean.TRUE.equals(blocked);
    }
}
