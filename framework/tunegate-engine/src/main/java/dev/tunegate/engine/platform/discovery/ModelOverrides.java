package dev.tunegate.engine.platform.discovery;

import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.SuiteException;
import dev.tunegate.engine.model.suite.SuiteProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies {@code tunegate.model.<variant>=<model>}: pipelines point a variant at a freshly tuned model
 * without editing the suite. Variants a suite does not have are left alone (one key serves many suites).
 * An override that is not a model name is a problem of every suite it applies to, at the variant's
 * line and naming the key, so that it is a discovery issue rather than a failure of every call.
 */
final class ModelOverrides {

    /** The suite schema's {@code modelName}. */
    private static final Pattern MODEL_NAME = Pattern.compile("^(models|tunedModels)/[A-Za-z0-9][A-Za-z0-9_.-]*$");

    private ModelOverrides() {}

    /** The suite with each overridden variant calling its override model. */
    static EvalSuite apply(EvalSuite suite, ComparisonSettings settings) throws SuiteException {
        List<SuiteProblem> problems = new ArrayList<>();
        suite.variants().forEach((name, variant) -> {
            String model = settings.modelOverrides().get(name);
            if (model != null && !MODEL_NAME.matcher(model).matches()) {
                problems.add(new SuiteProblem(
                        suite.location(),
                        variant.position(),
                        "variant '" + name + "': tunegate.model." + name + "='" + model
                                + "' is not a model name such as models/gemini-1.5-flash-001 or tunedModels/my-model"));
            }
        });
        if (!problems.isEmpty()) {
            throw new SuiteException(problems);
        }
        if (settings.modelOverrides().keySet().stream().noneMatch(suite.variants()::containsKey)) {
            return suite;
        }
        Map<String, ModelVariant> variants = new LinkedHashMap<>();
        suite.variants().forEach((name, variant) -> {
            String model = settings.modelOverrides().get(name);
            variants.put(name, model == null ? variant : variant.withModel(model));
        });
        return new EvalSuite(
                suite.location(),
                suite.name(),
                variants,
                suite.generationConfig(),
                suite.safetySettings(),
                suite.systemInstruction(),
                suite.tools(),
                suite.toolConfig(),
                suite.cases(),
                suite.gate(),
                suite.contentHash(),
                suite.position());
    }
}
