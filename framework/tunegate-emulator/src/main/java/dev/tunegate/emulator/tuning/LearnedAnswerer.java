package dev.tunegate.emulator.tuning;

import dev.tunegate.emulator.generation.Answer;
import dev.tunegate.emulator.generation.Answerer;
import dev.tunegate.emulator.generation.Prompt;
import dev.tunegate.emulator.generation.Sampler;
import java.util.Optional;

/**
 * The answerer of a tuned model: answers the last user turn from what the model learned and otherwise
 * lets its base model answer the same prompt. Sampling above temperature 0 draws from the request's
 * seeded sampler, so repeated requests can differ and a seeded request repeats.
 */
final class LearnedAnswerer implements Answerer {

    private final ServingTunedModel model;
    private final Answerer fallback;

    LearnedAnswerer(ServingTunedModel model, Answerer fallback) {
        this.model = model;
        this.fallback = fallback;
    }

    @Override
    public Answer answer(Prompt prompt) {
        Sampler sampler = prompt.sampler();
        String question = prompt.lastUserText();
        Optional<String> learned = sampler.isGreedy()
                ? model.answer(question, 0.0, null, null, 0)
                : model.answer(
                        question,
                        sampler.temperature(),
                        sampler.topP(),
                        sampler.topK(),
                        Double.doubleToLongBits(sampler.nextDouble()));
        if (learned.isPresent()) {
            return Answer.text(learned.get());
        }
        return fallback.answer(new Prompt(
                model.baseModel(),
                prompt.systemInstruction(),
                prompt.turns(),
                prompt.functions(),
                prompt.functionMode(),
                prompt.allowedFunctions(),
                prompt.jsonMode(),
                sampler,
                prompt.candidateIndex()));
    }
}
