package dev.tunegate.engine;

import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.jupiter.JavaEvalServices;
import dev.tunegate.engine.platform.descriptor.TuneGateExecutionContext;
import dev.tunegate.engine.results.allure.AllureReporter;
import dev.tunegate.engine.results.allure.BackgroundResultsWriter;
import dev.tunegate.engine.results.record.GateJudge;
import dev.tunegate.engine.results.record.VerdictLog;
import dev.tunegate.engine.run.BudgetGateway;
import dev.tunegate.engine.run.FailurePolicy;
import dev.tunegate.engine.run.GateFailurePolicy;
import dev.tunegate.engine.run.GatewayFactory;
import dev.tunegate.engine.run.Judge;
import dev.tunegate.engine.run.ModelCalls;
import dev.tunegate.engine.run.ResultListener;
import dev.tunegate.engine.run.replay.RecordingGateway;
import dev.tunegate.engine.run.replay.RecordingTimes;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The engine's composition root: builds the immutable {@link TuneGateExecutionContext} of one run
 * from the configuration: the model calls, the gate's failure policy, the results recorder (reports
 * and Allure) and the judges. Tests and tools may add result listeners or replace the failure policy
 * before the context is built.
 */
final class RunWiring {

    /** Result files waiting for the background writer at most (then the test thread waits). */
    private static final int WRITE_QUEUE = 512;

    private final List<ResultListener> extraListeners = new ArrayList<>();
    private Optional<FailurePolicy> failurePolicy = Optional.empty();
    private VerdictLog.Runs verdicts;

    /** Adds a listener for every result of the run, after the results recorder. */
    RunWiring addListener(ResultListener listener) {
        extraListeners.add(listener);
        return this;
    }

    /** Replaces the gate's policy that decides which failures fail their test. */
    RunWiring failurePolicy(FailurePolicy policy) {
        this.failurePolicy = Optional.of(policy);
        return this;
    }

    /** Where the run's verdict block goes when it finishes (the launcher session's log); null: nowhere. */
    RunWiring verdicts(VerdictLog.Runs verdicts) {
        this.verdicts = verdicts;
        return this;
    }

    /**
     * The run's context: everything wired, nothing started. Model calls go through {@code gateways},
     * behind record/replay when {@code tunegate.mode} asks for it; the API keys (the values of the
     * configured environment variables, Gemini and Vertex express mode) are redacted from recordings and reports.
     */
    TuneGateExecutionContext build(
            TuneGateConfiguration config, GatewayFactory gateways, Map<String, String> environment, Clock clock) {
        Parts parts = parts(config, gateways, environment, clock);
        return new TuneGateExecutionContext(
                config,
                parts.calls(),
                new Judge(failurePolicy.orElse(parts.gates())),
                parts.listener(),
                parts.results());
    }

    /**
     * The services of the Java evals ({@code @TuneGateTest} classes) of a Jupiter execution, wired as for the
     * suites: same call pipeline, record/replay, run record, gates and reports.
     */
    JavaEvalServices buildJavaEvals(
            TuneGateConfiguration config, GatewayFactory gateways, Map<String, String> environment, Clock clock) {
        Parts parts = parts(config, gateways, environment, clock);
        return new JavaEvalServices(config, parts.calls(), parts.gates(), parts.listener(), parts.results());
    }

    private record Parts(ModelCalls calls, GateFailurePolicy gates, ResultListener listener, GateJudge results) {}

    private Parts parts(
            TuneGateConfiguration config, GatewayFactory gateways, Map<String, String> environment, Clock clock) {
        ComparisonSettings settings = config.comparison();
        GateFailurePolicy gates = new GateFailurePolicy(settings);
        List<String> keyEnvs = Stream.concat(Stream.of(config.apiKeyEnv()), config.vertex().apiKeyEnv().stream())
                .toList();
        List<String> secrets = keyEnvs.stream()
                .map(environment::get)
                .filter(java.util.Objects::nonNull)
                .toList();
        // the budget counts calls that go to the endpoint: replayed answers cost nothing
        RecordingTimes times = new RecordingTimes();
        GatewayFactory calls =
                RecordingGateway.decorate(BudgetGateway.decorate(gateways, config), config, secrets, clock, times);
        GateJudge results = GateJudge.recording(
                settings,
                times,
                gates,
                keyEnvs,
                allure(settings, clock),
                environment,
                runEnvironment(config),
                clock,
                verdicts);
        List<ResultListener> listeners = new ArrayList<>();
        listeners.add(results.listener());
        listeners.addAll(extraListeners);
        return new Parts(new ModelCalls(config, calls), gates, ResultListener.composite(listeners), results);
    }

    private static AllureReporter allure(ComparisonSettings settings, Clock clock) {
        if (!settings.allureEnabled()) {
            return null;
        }
        // Results are built and their files written off the test thread; the recorder waits for them at the end of
        // the run.
        BackgroundResultsWriter writer = BackgroundResultsWriter.into(settings.allureResultsDir(), WRITE_QUEUE);
        return new AllureReporter(
                new AllureLifecycle(writer), Allure::getLifecycle, clock, writer, writer::awaitWritten);
    }

    private static Map<String, String> runEnvironment(TuneGateConfiguration config) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                "endpoint",
                config.endpoint()
                        .map(u -> u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : ""))
                        .orElse("embedded emulator (loopback)"));
        String version = RunWiring.class.getPackage().getImplementationVersion();
        env.put("tunegate.version", version == null ? "development build" : version);
        env.put("java.version", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return env;
    }
}
