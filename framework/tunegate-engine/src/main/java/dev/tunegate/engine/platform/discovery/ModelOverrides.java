package dev.tunegate.engine.platform.discovery;

import dev.tunegate.client.ModelName;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.SuiteException;
import dev.tunegate.engine.model.suite.SuiteProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code tunegate.model.<variant>=<model>}: pipelines point a variant at a freshly tuned model
 * without editing the suite. Variants a suite does not have are left alone (one key serves many suites).
 * An override that is not a model name ({@link ModelName}) is a problem of every suite it applies to, at the
 * variant's line and naming the key, so that it is a discovery issue rather than a failure of every call. So is a
 * short Vertex AI name {@code publishers/google/models/M} that nothing completes (no {@code tunegate.vertex.project},
 * no express mode, not the embedded emulator).
 */
final class ModelOverrides {

    private ModelOverrides() {}

    /** The suite with each overridden variant calling its override model. */
    static EvalSuite apply(EvalSuite suite, TuneGateConfiguration config) throws SuiteException {
        Map<String, String> overrides = config.comparison().modelOverrides();
        List<SuiteProblem> problems = new ArrayList<>();
        suite.variants().forEach((name, variant) -> {
            String override = overrides.get(name);
            if (override == null && variant.vertexTuning()) {
                return; // a Vertex AI tuning job's variant: the run finds the endpoint it calls
            }
            String model = override != null ? override : variant.model();
            String source = override != null ? "tunegate.model." + name + "='" + model + "'" : "'" + model + "'";
            ModelName parsed;
            try {
                if (!model.strip().contains("/")) {
                    throw new IllegalArgumentException("a bare id");
                }
                parsed = ModelName.parse(model);
            } catch (IllegalArgumentException e) {
                problems.add(new SuiteProblem(
                        suite.location(),
                        variant.position(),
                        "variant '" + name + "': " + source
                                + " is not a model name such as models/gemini-1.5-flash-001, tunedModels/my-model or"
                                + " projects/P/locations/L/endpoints/E (the forms: " + ModelName.FORMS + ")"));
                return;
            }
            if (parsed.needsProject() && !config.embedded() && !config.vertex().completesShortNames()) {
                problems.add(new SuiteProblem(
                        suite.location(),
                        variant.position(),
                        "variant '" + name + "': " + source + " needs a Google Cloud project: set"
                                + " tunegate.vertex.project (and tunegate.vertex.location, default us-central1), write"
                                + " projects/P/locations/L/" + model + ", or use express mode"
                                + " (tunegate.vertex.api-key.env)"));
            }
        });
        if (!problems.isEmpty()) {
            throw new SuiteException(problems);
        }
        if (overrides.keySet().stream().noneMatch(suite.variants()::containsKey)) {
            return suite;
        }
        Map<String, ModelVariant> variants = new LinkedHashMap<>();
        suite.variants().forEach((name, variant) -> {
            String model = overrides.get(name);
            variants.put(name, model == null ? variant : variant.overriddenBy(model));
        });
        return suite.withVariants(variants);
    }
}
