package dev.tunegate.engine.jupiter;

import dev.tunegate.engine.model.suite.EvalSuite;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * One {@link TuneGateEval} class in a run: its suite, the run's services, and whether its gates were judged. The
 * gate tests are added after the class's last {@link ModelTest} method; when a selection runs only some of them,
 * the gates are judged when the class ends instead (and fail the class).
 */
final class ClassRun {

    private final EvalSuite suite;
    private final JavaEvalServices services;
    private final int templates;
    private int templatesDone;
    private boolean ranTests;
    private boolean gatesJudged;

    ClassRun(EvalSuite suite, JavaEvalServices services, int templates) {
        this.suite = suite;
        this.services = services;
        this.templates = templates;
    }

    EvalSuite suite() {
        return suite;
    }

    JavaEvalServices services() {
        return services;
    }

    /** The candidates the gate judges (one gate test each). */
    List<String> candidates() {
        return services.policy().gate(suite).roles().candidates();
    }

    synchronized void testRan() {
        ranTests = true;
    }

    /** One template method has run all its variants; true when it was the class's last, so the gates come next. */
    synchronized boolean templateDone() {
        templatesDone++;
        if (templatesDone == templates && !gatesJudged) {
            gatesJudged = true;
            return true;
        }
        return false;
    }

    /** Judges the gate for {@code candidate} and throws the verdict table when it does not hold. */
    void judgeGate(String candidate, String uniqueId, String displayName) {
        services.gates().judgeGate(suite, candidate, uniqueId, displayName);
    }

    /** The class ends: the gates not judged by gate tests are judged now; the suite is finished in the record. */
    void finish(String classUniqueId) {
        List<AssertionError> failed = new ArrayList<>();
        boolean judgeNow;
        synchronized (this) {
            judgeNow = !gatesJudged && ranTests;
            gatesJudged = true;
        }
        if (judgeNow) {
            for (String candidate : candidates()) {
                try {
                    judgeGate(
                            candidate,
                            classUniqueId + "/[gate:" + candidate + "]",
                            suite.name() + " › gate [" + candidate + "]");
                } catch (AssertionError e) {
                    failed.add(e);
                }
            }
        }
        services.listener().suiteFinished(suite);
        if (!failed.isEmpty()) {
            AssertionFailedError error = new AssertionFailedError(failed.get(0).getMessage());
            failed.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }
}
