package dev.tunegate.emulator.tuning;

import java.util.Optional;
import java.util.Random;

/**
 * An ACTIVE tuned model ready to answer: what it learned, the base model it falls back to, and its own
 * sampling defaults (the TunedModel's temperature, topP and topK), which apply when a request sets none.
 */
final class ServingTunedModel {

    private final String name;
    private final String baseModel;
    private final LearnedModel learned;
    private final SamplingDefaults defaults;

    ServingTunedModel(String name, String baseModel, LearnedModel learned, SamplingDefaults defaults) {
        this.name = name;
        this.baseModel = baseModel;
        this.learned = learned;
        this.defaults = defaults;
    }

    /** {@code tunedModels/{id}}. */
    String name() {
        return name;
    }

    /** The {@code models/...} model at the root of its tuning chain, which answers when nothing learned applies. */
    String baseModel() {
        return baseModel;
    }

    /** The TunedModel's temperature, topP and topK: the defaults of requests to it. */
    SamplingDefaults defaults() {
        return defaults;
    }

    /**
     * The learned answer to {@code prompt}, or empty when the base model should answer.
     *
     * @param temperature the request's temperature, or null for the model's default
     * @param topP        the request's topP, or null for the model's default
     * @param topK        the request's topK, or null for the model's default
     * @param seed        the seed for sampling above temperature 0
     */
    Optional<String> answer(String prompt, Double temperature, Double topP, Integer topK, long seed) {
        double t = temperature != null ? temperature : defaults.temperature();
        return learned.predict(prompt)
                .choose(
                        t,
                        topP != null ? topP : defaults.topP(),
                        topK != null ? topK : defaults.topK(),
                        new Random(seed));
    }
}
