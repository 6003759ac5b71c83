package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.apiguardian.api.API;

/**
 * Tuning hyperparameters. Union {@code learning_rate_option}: at most one of learningRate and
 * learningRateMultiplier.
 */
@API(status = API.Status.EXPERIMENTAL)
public record Hyperparameters(
        @JsonAlias("learning_rate") Double learningRate,
        @JsonAlias("learning_rate_multiplier") Double learningRateMultiplier,
        @JsonAlias("epoch_count") Integer epochCount,
        @JsonAlias("batch_size") Integer batchSize) {
    public Hyperparameters {
        Unions.atMostOne(
                "Hyperparameters",
                "learning_rate_option",
                "learningRate",
                learningRate,
                "learningRateMultiplier",
                learningRateMultiplier);
    }

    /** Epochs, batch size and learning rate (any may be null). */
    public static Hyperparameters of(Integer epochCount, Integer batchSize, Double learningRate) {
        return new Hyperparameters(learningRate, null, epochCount, batchSize);
    }
}
