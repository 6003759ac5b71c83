package dev.tunegate.engine.results.record;

import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.config.Shard;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.results.allure.AllureReporter;
import dev.tunegate.engine.run.GateFailurePolicy;
import dev.tunegate.engine.run.ResultListener;
import dev.tunegate.engine.run.replay.RecordingTimes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The results side of one run: the {@link ResultListener} that records every result (and feeds the
 * reports and Allure), and the judge of gate tests over what it recorded.
 */
@API(status = API.Status.INTERNAL)
public final class GateJudge {

    private static final Logger LOG = Logger.getLogger("dev.tunegate.engine");

    private final RunRecorder recorder;
    private final Optional<Shard> shard;

    private GateJudge(RunRecorder recorder, Optional<Shard> shard) {
        this.recorder = recorder;
        this.shard = shard;
    }

    /**
     * Records a run's results into the reports of {@code settings} and Allure (when {@code allure} is
     * given), redacting the values of the environment variables {@code apiKeyEnvs}; hands the verdict block
     * to {@code verdicts} (null: none) when the run finishes.
     */
    public static GateJudge recording(
            ComparisonSettings settings,
            RecordingTimes times,
            GateFailurePolicy gates,
            List<String> apiKeyEnvs,
            AllureReporter allure,
            Map<String, String> environment,
            Map<String, String> runEnvironment,
            Clock clock,
            VerdictLog.Runs verdicts) {
        return new GateJudge(
                new RunRecorder(
                        settings,
                        times,
                        gates,
                        new Secrets(apiKeyEnvs, environment),
                        allure,
                        environment,
                        runEnvironment,
                        clock,
                        verdicts),
                settings.shard());
    }

    /** The listener that records every result of the run. */
    public ResultListener listener() {
        return recorder;
    }

    /**
     * Evaluates the gate of {@code suite} for {@code candidate} over the cases that ran, reports it to
     * Allure, and fails with the verdict table when the policy does not hold. In a shard
     * ({@code tunegate.shard}) the gate judges only the shard's cases: it is aborted with its partial
     * verdict instead, neither reported to Allure nor failed ({@code tunegate merge} judges the gate).
     */
    public void judgeGate(EvalSuite suite, String candidate, String uniqueId, String displayName) {
        GateVerdict verdict = recorder.verdict(suite, candidate);
        if (shard.isPresent()) {
            throw new TestAbortedException("shard " + shard.get() + " ran " + verdict.judgedCases() + " of "
                    + verdict.suiteCases() + " cases; the gate is judged on the merged shards (tunegate merge)."
                    + " This shard alone:\n" + verdict.table());
        }
        if (verdict.subset()) {
            LOG.info(() -> displayName + ": judged " + verdict.judgedCases() + " of " + verdict.suiteCases()
                    + " cases (filters or a selection left the others out); the verdict holds for those only");
        }
        recorder.gateReported(suite, verdict, uniqueId, displayName);
        if (!verdict.passed()) {
            throw new AssertionFailedError(verdict.table());
        }
    }
}
