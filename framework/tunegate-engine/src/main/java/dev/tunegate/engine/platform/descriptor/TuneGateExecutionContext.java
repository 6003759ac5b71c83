package dev.tunegate.engine.platform.descriptor;

import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.results.record.GateJudge;
import dev.tunegate.engine.run.Judge;
import dev.tunegate.engine.run.ModelCalls;
import dev.tunegate.engine.run.PlannedTest;
import dev.tunegate.engine.run.ResultListener;
import java.util.List;
import org.apiguardian.api.API;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * Everything a run shares, built once by the engine's composition root before anything runs:
 * the configuration, the model calls, the judge of variant tests, the result listener and the judge
 * of gate tests. Its parts are fixed; only the model calls open and close with the run.
 */
@API(status = API.Status.INTERNAL)
public final class TuneGateExecutionContext implements EngineExecutionContext {

    private final TuneGateConfiguration config;
    private final ModelCalls calls;
    private final Judge judge;
    private final ResultListener listener;
    private final GateJudge gates;

    public TuneGateExecutionContext(
            TuneGateConfiguration config, ModelCalls calls, Judge judge, ResultListener listener, GateJudge gates) {
        this.config = config;
        this.calls = calls;
        this.judge = judge;
        this.listener = listener;
        this.gates = gates;
    }

    public TuneGateConfiguration config() {
        return config;
    }

    /** Every result of the run goes here (reports, comparison, gates). */
    public ResultListener listener() {
        return listener;
    }

    /** {@code suite} with its checkpoint variants as the run found them (see {@link ModelCalls#resolved}). */
    EvalSuite resolved(EvalSuite suite) {
        return calls.resolved(suite);
    }

    /** Opens the gateway and starts issuing the calls of {@code plan}, in order. */
    void start(List<PlannedTest> plan, List<List<Matcher>> matchers) {
        calls.start(plan, matchers);
    }

    /**
     * Takes the test's judged samples (waiting for its calls if they are still running), tells the
     * listener and throws what JUnit should report.
     */
    void judge(PlannedTest test, List<Matcher> matchers) {
        judge.judge(calls.take(test, matchers), listener);
    }

    /** Judges the gate of {@code suite} for {@code candidate}; throws the verdict when it does not hold. */
    void judgeGate(EvalSuite suite, String candidate, String uniqueId, String displayName) {
        gates.judgeGate(suite, candidate, uniqueId, displayName);
    }

    /** Ends the run: tells the listeners (reports are written then) and closes the model calls. */
    void close() {
        try {
            if (calls.started()) {
                listener.runFinished();
            }
        } finally {
            calls.close();
        }
    }
}
