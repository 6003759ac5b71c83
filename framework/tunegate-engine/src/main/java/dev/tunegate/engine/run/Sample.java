package dev.tunegate.engine.run;

import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.matchers.ModelAnswer;
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
 */
@API(status = API.Status.INTERNAL)
public record Sample(
        int index,
        String model,
        GenerateContentRequest request,
        Optional<ModelAnswer> answer,
        Optional<Throwable> error) {}
