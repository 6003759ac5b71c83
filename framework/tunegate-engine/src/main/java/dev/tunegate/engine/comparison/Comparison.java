package dev.tunegate.engine.comparison;

import dev.tunegate.engine.allure.AllureReporter;
import dev.tunegate.engine.allure.BackgroundResultsWriter;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.execution.TuneGateExecutionContext;
import dev.tunegate.engine.gate.GateVerdict;
import dev.tunegate.engine.suite.EvalSuite;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opentest4j.AssertionFailedError;

/**
 * Comparison, gating and reporting for one run: installs the gate's failure policy and the result
 * recorder into the execution context, and judges gate tests.
 */
public final class Comparison {

    /** Result files waiting for the background writer at most (then the test thread waits). */
    private static final int WRITE_QUEUE = 512;

    private final RunRecorder recorder;

    private Comparison(RunRecorder recorder) {
        this.recorder = recorder;
    }

    /** Wires comparison into a run: failure policy, result recorder, Allure results and reports. */
    public static Comparison install(TuneGateExecutionContext context) {
        return install(context, System.getenv(), Clock.systemUTC(), null);
    }

    /** As {@link #install(TuneGateExecutionContext)}, with the environment, clock and Allure lifecycle given (tests). */
    static Comparison install(TuneGateExecutionContext context, Map<String, String> environment, Clock clock,
                              AllureLifecycle lifecycle) {
        TuneGateConfiguration config = context.config();
        ComparisonSettings settings = config.comparison();
        GateFailurePolicy gates = new GateFailurePolicy(settings);
        AllureReporter allure = null;
        if (settings.allureEnabled()) {
            if (lifecycle != null) {
                allure = new AllureReporter(lifecycle, Allure::getLifecycle, clock);
            } else {
                // Results are built and their files written off the test thread; the recorder waits for them at the
                // end of the run.
                BackgroundResultsWriter writer = BackgroundResultsWriter.into(settings.allureResultsDir(), WRITE_QUEUE);
                allure = new AllureReporter(new AllureLifecycle(writer), Allure::getLifecycle, clock, writer, writer::awaitWritten);
            }
        }
        RunRecorder recorder = new RunRecorder(settings, gates, new Secrets(config.apiKeyEnv(), environment), allure,
                environment, runEnvironment(config), clock);
        context.failurePolicy(gates);
        context.addListener(recorder);
        return new Comparison(recorder);
    }

    /**
     * Evaluates the gate of {@code suite} for {@code candidate} over the cases that ran, reports it to
     * Allure, and fails with the verdict table when the policy does not hold.
     */
    public void judgeGate(EvalSuite suite, String candidate, String uniqueId, String displayName) {
        GateVerdict verdict = recorder.verdict(suite, candidate);
        recorder.gateReported(suite, verdict, uniqueId, displayName);
        if (!verdict.passed()) {
            throw new AssertionFailedError(verdict.table());
        }
    }

    private static Map<String, String> runEnvironment(TuneGateConfiguration config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("endpoint", config.endpoint().map(u -> u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : ""))
                .orElse("embedded emulator (loopback)"));
        String version = Comparison.class.getPackage().getImplementationVersion();
        env.put("tunegate.version", version == null ? "development build" : version);
        env.put("java.version", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return env;
    }
}
