package dev.tunegate.engine.run;

import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.matchers.graded.GradedOutcome;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One model call of a variant test ({@code repeat: N} makes N samples).
 *
 * @param index   0-based sample index
 * @param model   the model actually called (after tuning/overrides)
 * @param request the request sent (rendered prompt, settings)
 * @param answer  the answer, when the call succeeded
 * @param error   why the call failed (an infrastructure failure, message starting with {@code HTTP <code>}), when it did
 * @param graded  the outcomes of the case's model-graded matchers on the answer, by index in the case's matchers
 */
@API(status = API.Status.INTERNAL)
public record Sample(
        int index,
        String model,
        GenerateContentRequest request,
        Optional<ModelAnswer> answer,
        Optional<Throwable> error,
        Map<Integer, GradedOutcome> graded) {

    public Sample {
        graded = graded == null ? Map.of() : Map.copyOf(graded);
    }

    /** A sample without model-graded checks. */
    public Sample(
            int index,
            String model,
            GenerateContentRequest request,
            Optional<ModelAnswer> answer,
            Optional<Throwable> error) {
        this(index, model, request, answer, error, Map.of());
    }

    /** The same sample with the outcomes of its model-graded matchers, by matcher index. */
    public Sample withGraded(Map<Integer, GradedOutcome> outcomes) {
        return new Sample(index, model, request, answer, error, outcomes);
    }
}
