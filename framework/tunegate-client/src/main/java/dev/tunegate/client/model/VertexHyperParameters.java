package dev.tunegate.client.model;

import org.apiguardian.api.API;

/**
 * Hyperparameters of a Vertex AI supervised tuning job, sent as {@code hyperParameters} (capital P, unlike the Gemini
 * API's {@code hyperparameters}). Every field is optional; Vertex AI chooses what is not set. int64 fields are read
 * from JSON numbers and from the proto3 string form ({@code "3"}) alike.
 *
 * @param epochCount             passes over the training data
 * @param learningRateMultiplier multiplier of the recommended learning rate
 * @param adapterSize            {@code ADAPTER_SIZE_ONE}, {@code _TWO}, {@code _FOUR}, {@code _EIGHT},
 *                               {@code _SIXTEEN} or {@code _THIRTY_TWO}
 * @param batchSize              examples per step
 * @param learningRate           an absolute learning rate (instead of a multiplier)
 */
@API(status = API.Status.EXPERIMENTAL)
public record VertexHyperParameters(
        Long epochCount, Double learningRateMultiplier, String adapterSize, Long batchSize, Double learningRate) {

    /** Epoch count, learning-rate multiplier and adapter size (any may be null). */
    public static VertexHyperParameters of(Long epochCount, Double learningRateMultiplier, String adapterSize) {
        return new VertexHyperParameters(epochCount, learningRateMultiplier, adapterSize, null, null);
    }
}
