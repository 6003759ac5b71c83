package dev.tunegate.engine.platform.discovery;

import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies {@code tunegate.model.<variant>=<model>}: pipelines point a variant at a freshly tuned model
 * without editing the suite. Variants a suite does not have are left alone (one key serves many suites).
 */
final class ModelOverrides {

    private ModelOverrides() {}

    /** The suite with each overridden variant calling its override model. */
    public static EvalSuite apply(EvalSuite suite, ComparisonSettings settings) {
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
