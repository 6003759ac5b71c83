package dev.tunegate.engine.run;

import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;

/**
 * One variant test that will run: which case on which variant (the pipeline's unit of work), and the
 * case's matchers (the pipeline makes the model calls of the model-graded ones).
 */
@API(status = API.Status.INTERNAL)
public record PlannedTest(
        UniqueId id, EvalSuite suite, EvalCase evalCase, ModelVariant variant, List<Matcher> matchers) {

    public PlannedTest {
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
    }

    /** A test whose matchers need no model calls. */
    public PlannedTest(UniqueId id, EvalSuite suite, EvalCase evalCase, ModelVariant variant) {
        this(id, suite, evalCase, variant, List.of());
    }
}
