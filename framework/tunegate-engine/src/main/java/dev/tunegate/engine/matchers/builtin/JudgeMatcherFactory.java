package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.graded.JudgeCalibration;
import dev.tunegate.engine.matchers.graded.RubricJudge;
import java.nio.file.Path;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * {@code judge}: a judge model grades the answer against a rubric, e.g. {@code judge: {rubric: "Apologises
 * and explains the refund policy", reference: "...", samples: 3, calibration:
 * judges/tone.calibration.jsonl, minKappa: 0.6}}. See MATCHERS.md.
 */
@API(status = API.Status.INTERNAL)
public final class JudgeMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "judge";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        if (argument != null && argument.isTextual()) {
            return new RubricJudge(
                    Args.nonEmptyText(argument, "rubric", ""),
                    Optional.empty(),
                    Optional.empty(),
                    1,
                    0,
                    1.0,
                    Optional.empty());
        }
        GradedArgs.object(argument, "judge", "{rubric: \"Apologises and explains the refund policy\"}");
        Args.onlyKeys(
                argument,
                "judge",
                "rubric",
                "reference",
                "model",
                "samples",
                "temperature",
                "minAgreement",
                "calibration",
                "minKappa");
        String rubric = Args.nonEmptyText(argument.get("rubric"), "rubric", "/rubric");
        Optional<String> reference = Args.absent(argument.get("reference"))
                ? Optional.empty()
                : Optional.of(Args.nonEmptyText(argument.get("reference"), "reference", "/reference"));
        int samples = argument.has("samples") ? (int) Args.count(argument.get("samples"), "samples", 1) : 1;
        if (samples > 15) {
            throw new MatcherDefinitionException("samples must be at most 15, but was " + samples, "/samples");
        }
        double temperature = GradedArgs.number(argument, "temperature", 0, 2, samples > 1 ? 1.0 : 0.0);
        double minAgreement = GradedArgs.number(argument, "minAgreement", 0.5, 1, 0.75);
        Path calibration = null;
        String shown = null;
        if (!Args.absent(argument.get("calibration"))) {
            shown = Args.nonEmptyText(argument.get("calibration"), "calibration", "/calibration");
            try {
                calibration = context.resolveFile(shown);
            } catch (MatcherDefinitionException e) {
                throw new MatcherDefinitionException("calibration: " + e.getMessage(), "/calibration");
            }
        }
        Optional<String> advisory = Optional.empty();
        if (argument.has("minKappa")) {
            double minKappa = GradedArgs.number(argument, "minKappa", -1, 1, 0);
            advisory = JudgeCalibration.advisoryReason(calibration, shown, minKappa);
        }
        return new RubricJudge(
                rubric, reference, GradedArgs.model(argument), samples, temperature, minAgreement, advisory);
    }
}
