package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/** The tuning task of a tuned model: input data and hyperparameters, output times and snapshots. */
@API(status = API.Status.EXPERIMENTAL)
public record TuningTask(
        Instant startTime,
        Instant completeTime,
        List<TuningSnapshot> snapshots,
        @JsonAlias("training_data") Dataset trainingData,
        Hyperparameters hyperparameters) {
    public TuningTask {
        snapshots = Unions.copy(snapshots);
    }

    /** A task as sent on create: training data and hyperparameters. */
    public static TuningTask of(Dataset trainingData, Hyperparameters hyperparameters) {
        return new TuningTask(null, null, null, trainingData, hyperparameters);
    }
}
