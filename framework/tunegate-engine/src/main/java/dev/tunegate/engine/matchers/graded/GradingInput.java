package dev.tunegate.engine.matchers.graded;

import dev.tunegate.engine.matchers.ModelAnswer;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * What a model-graded matcher grades: the prompt as sent, the answer, and for a pairwise comparison the
 * compared variant's answer to the same case and sample.
 *
 * @param prompt the text of the case's request (every turn)
 * @param answer the answer being graded
 * @param variant the variant that gave the answer
 * @param compared the compared variant's answer; empty when there is none (not run, failed, or this
 *     matcher compares nothing)
 */
@API(status = API.Status.INTERNAL)
public record GradingInput(String prompt, ModelAnswer answer, String variant, Optional<ModelAnswer> compared) {
    public GradingInput {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(answer, "answer");
        compared = compared == null ? Optional.empty() : compared;
    }
}
