package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.Hyperparameters;
import dev.tunegate.client.model.TunedModel;
import java.util.List;

/**
 * A validated {@code tunedModels.create}: the request body, the examples to train on, the resolved plan,
 * where training starts from and the base model at the root of the tuning chain.
 *
 * @param body            the request body as sent
 * @param requestedId     the {@code tunedModelId} query parameter, or null to generate one
 * @param examples        the training examples
 * @param plan            resolved hyperparameters
 * @param rootBaseModel   the {@code models/...} base model the tuned model falls back to
 * @param sourceTunedModel the {@code tunedModels/...} it starts from, or null
 * @param sourceState     the source's learned state, or null when starting from a base model
 */
record CreateRequest(
        TunedModel body,
        String requestedId,
        List<TrainingExample> examples,
        TuningPlan plan,
        String rootBaseModel,
        String sourceTunedModel,
        LearnedState sourceState) {

    CreateRequest {
        examples = List.copyOf(examples);
    }

    /** The hyperparameters echoed on the tuned model: what was given plus the defaults used. */
    Hyperparameters echoedHyperparameters() {
        Hyperparameters given = body.tuningTask().hyperparameters();
        boolean multiplier = given != null && given.learningRateMultiplier() != null;
        return new Hyperparameters(
                multiplier ? null : plan.learningRate(),
                multiplier ? given.learningRateMultiplier() : null,
                plan.epochCount(),
                plan.batchSize());
    }
}
