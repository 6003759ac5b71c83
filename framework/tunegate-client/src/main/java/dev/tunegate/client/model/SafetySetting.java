package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** A per-category blocking threshold sent with a request. */
@API(status = API.Status.EXPERIMENTAL)
public record SafetySetting(HarmCategory category, HarmBlockThreshold threshold) {
    /** Shorthand constructor. */
    public static SafetySetting of(HarmCategory category, HarmBlockThreshold threshold) {
        return new SafetySetting(category, threshold);
    }
}
