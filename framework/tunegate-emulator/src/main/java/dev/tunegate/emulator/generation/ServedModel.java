package dev.tunegate.emulator.generation;

import org.apiguardian.api.API;

/**
 * A model that can answer generateContent: its resource name, its answerer, and the sampling defaults
 * used when a request does not set them (null = the emulator's defaults: temperature 1.0, topP 0.95,
 * topK 40).
 */
@API(status = API.Status.EXPERIMENTAL)
public record ServedModel(String name, Answerer answerer, Double temperature, Double topP, Integer topK) {
    /** A served model with the emulator's sampling defaults. */
    public static ServedModel of(String name, Answerer answerer) {
        return new ServedModel(name, answerer, null, null, null);
    }
}
