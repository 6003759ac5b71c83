package dev.tunegate.client.model;

import org.apiguardian.api.API;

/**
 * Token usage of a generation request. Vertex AI adds {@code trafficType} (e.g. {@code ON_DEMAND},
 * {@code PROVISIONED_THROUGHPUT}; kept as sent). A thinking model reports the tokens it thought in
 * {@code thoughtsTokenCount} (public API, not in the seeds), counted in {@code totalTokenCount} but not in
 * {@code candidatesTokenCount}.
 */
@API(status = API.Status.EXPERIMENTAL)
public record UsageMetadata(
        Integer promptTokenCount,
        Integer cachedContentTokenCount,
        Integer candidatesTokenCount,
        Integer totalTokenCount,
        String trafficType,
        Integer thoughtsTokenCount) {
    /** Usage without {@code thoughtsTokenCount} (a model that does not think). */
    public UsageMetadata(
            Integer promptTokenCount,
            Integer cachedContentTokenCount,
            Integer candidatesTokenCount,
            Integer totalTokenCount,
            String trafficType) {
        this(promptTokenCount, cachedContentTokenCount, candidatesTokenCount, totalTokenCount, trafficType, null);
    }

    /** Usage without {@code trafficType} (the Gemini API does not set it). */
    public UsageMetadata(
            Integer promptTokenCount,
            Integer cachedContentTokenCount,
            Integer candidatesTokenCount,
            Integer totalTokenCount) {
        this(promptTokenCount, cachedContentTokenCount, candidatesTokenCount, totalTokenCount, null);
    }

    /** Usage without cached content. */
    public static UsageMetadata of(int prompt, int candidates) {
        return new UsageMetadata(prompt, null, candidates, prompt + candidates);
    }
}
