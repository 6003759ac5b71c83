package dev.tunegate.engine.execution;

import dev.tunegate.engine.suite.EvalCase;
import dev.tunegate.engine.suite.EvalSuite;
import dev.tunegate.engine.suite.ModelVariant;
import org.junit.platform.engine.UniqueId;

/** One variant test that will run: which case on which variant (the pipeline's unit of work). */
public record PlannedTest(UniqueId id, EvalSuite suite, EvalCase evalCase, ModelVariant variant) {
}
