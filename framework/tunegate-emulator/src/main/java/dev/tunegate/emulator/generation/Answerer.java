package dev.tunegate.emulator.generation;

import org.apiguardian.api.API;

/**
 * The answering seam: given a conversation, produce the model's raw answer. Base models answer from
 * the bundled behaviour ({@code dev.tunegate.emulator.behaviour.BaseBehaviour}); a tuned model answers
 * from what it learned and falls back to its source model's answerer.
 *
 * <p>An answerer only decides <em>what</em> the model says. The emulator's pipeline applies everything
 * else uniformly: JSON mode and {@code responseSchema}, {@code stopSequences}, {@code maxOutputTokens}
 * ({@code MAX_TOKENS}), {@code candidateCount} (one call per candidate, each with its own
 * {@link Sampler}), safety ratings and blocking, token counts and stream chunking. Implementations must
 * be thread-safe and must look at nothing but the {@link Prompt}.
 */
@FunctionalInterface
@API(status = API.Status.EXPERIMENTAL)
public interface Answerer {
    /** The answer to {@code prompt}; never null. */
    Answer answer(Prompt prompt);
}
