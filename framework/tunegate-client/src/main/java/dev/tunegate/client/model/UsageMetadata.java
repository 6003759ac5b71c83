package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** Token usage of a generation request. */
@API(status = API.Status.EXPERIMENTAL)
public record UsageMetadata(
        Integer promptTokenCount,
        Integer cachedContentTokenCount,
        Integer candidatesTokenCount,
        Integer totalTokenCount) {
    /** Usage without cached content. */
    public static UsageMetadata of(int prompt, int candidates) {
        return new UsageMetadata(prompt, null, candidates, prompt + candidates);
    }
}
