package dev.tunegate.client.model;

/** A per-category blocking threshold sent with a request. */
public record SafetySetting(HarmCategory category, HarmBlockThreshold threshold) {
    /** Shorthand constructor. */
    public static SafetySetting of(HarmCategory category, HarmBlockThreshold threshold) {
        return new SafetySetting(category, threshold);
    }
}
