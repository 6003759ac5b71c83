package dev.tunegate.engine.run;

import dev.tunegate.engine.matchers.Verdict;
import dev.tunegate.engine.model.suite.EvalSuite;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Receives every result of a run, on the test thread, in execution order: the seam for comparison,
 * gating and reports. A suite's {@link #suiteFinished} comes after all its cases (and before the
 * next suite starts), so per-suite state can be kept between the two calls.
 */
@API(status = API.Status.INTERNAL)
public interface ResultListener {

    default void suiteStarted(EvalSuite suite) {}

    /**
     * One variant test finished (before JUnit learns its outcome).
     *
     * @param run      the samples, with answers or errors
     * @param verdicts per sample, the matchers' verdict (empty for a sample whose call failed)
     * @param passed   whether the case passed on this variant (a sample answered and the pass fraction reached
     *                 {@code passThreshold})
     */
    default void variantFinished(VariantRun run, List<Optional<Verdict>> verdicts, boolean passed) {}

    /** A variant test was skipped by configuration (variant or name filter), with the reason. */
    default void variantSkipped(PlannedTest test, String reason) {}

    default void suiteFinished(EvalSuite suite) {}

    /** The run is over (every suite finished); reports are written here. */
    default void runFinished() {}

    /** A listener that forwards to several. */
    static ResultListener composite(List<ResultListener> listeners) {
        List<ResultListener> copy = List.copyOf(listeners);
        return new ResultListener() {
            @Override
            public void suiteStarted(EvalSuite suite) {
                copy.forEach(l -> l.suiteStarted(suite));
            }

            @Override
            public void variantFinished(VariantRun run, List<Optional<Verdict>> verdicts, boolean passed) {
                copy.forEach(l -> l.variantFinished(run, verdicts, passed));
            }

            @Override
            public void variantSkipped(PlannedTest test, String reason) {
                copy.forEach(l -> l.variantSkipped(test, reason));
            }

            @Override
            public void suiteFinished(EvalSuite suite) {
                copy.forEach(l -> l.suiteFinished(suite));
            }

            @Override
            public void runFinished() {
                copy.forEach(ResultListener::runFinished);
            }
        };
    }
}
