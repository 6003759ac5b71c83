package dev.tunegate.engine.run;

import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;

/** One variant test that will run: which case on which variant (the pipeline's unit of work). */
@API(status = API.Status.INTERNAL)
public record PlannedTest(UniqueId id, EvalSuite suite, EvalCase evalCase, ModelVariant variant) {}
