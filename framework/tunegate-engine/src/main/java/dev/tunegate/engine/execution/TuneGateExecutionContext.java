package dev.tunegate.engine.execution;

import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.Matcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

/**
 * Everything a run shares: configuration, the model gateway and call pipeline (started only when
 * there are tests), result listeners and the failure policy.
 */
public final class TuneGateExecutionContext implements EngineExecutionContext {

    private static final Logger LOG = Logger.getLogger("dev.tunegate.engine");

    private final TuneGateConfiguration config;
    private final EngineExecutionListener junitListener;
    private final GatewayFactory gatewayFactory;
    private final List<ResultListener> listeners = new ArrayList<>();
    private ResultListener listener = ResultListener.composite(List.of());
    private FailurePolicy failurePolicy = FailurePolicy.STRICT;
    private ModelGateway gateway;
    private CallPipeline pipeline;
    private dev.tunegate.engine.comparison.Comparison comparison;

    public TuneGateExecutionContext(TuneGateConfiguration config, EngineExecutionListener junitListener, GatewayFactory gatewayFactory) {
        this.config = config;
        this.junitListener = junitListener;
        this.gatewayFactory = gatewayFactory;
    }

    public TuneGateConfiguration config() {
        return config;
    }

    public EngineExecutionListener junitListener() {
        return junitListener;
    }

    /** Adds a listener for every result of the run (reports, comparison, gates). */
    public void addListener(ResultListener added) {
        listeners.add(added);
        listener = ResultListener.composite(listeners);
    }

    public ResultListener listener() {
        return listener;
    }

    /** Replaces the policy that decides which failures fail their test (default: all). */
    public void failurePolicy(FailurePolicy policy) {
        this.failurePolicy = policy;
    }

    /** Comparison, gates and reports of this run (installed by the engine). */
    public dev.tunegate.engine.comparison.Comparison comparison() {
        if (comparison == null) {
            throw new IllegalStateException("comparison was not installed");
        }
        return comparison;
    }

    /** Installs comparison, gates and reports (the engine does this before anything runs). */
    public void comparison(dev.tunegate.engine.comparison.Comparison installed) {
        this.comparison = installed;
    }

    /** Opens the gateway and starts issuing the calls of {@code plan}, in order. */
    public void start(List<PlannedTest> plan) {
        Consumer<String> progress = line -> LOG.info(() -> "TuneGate: " + line);
        gateway = gatewayFactory.open(config, progress);
        pipeline = new CallPipeline(plan, gateway, config.concurrency(), config.lookAhead(),
                config.requestsPerMinute().isPresent() ? Optional.of(config.requestsPerMinute().getAsDouble()) : Optional.empty());
        pipeline.start();
    }

    /** The samples of a test, waiting for its calls if they are still running. */
    public VariantRun take(PlannedTest test) {
        if (pipeline == null) {
            throw new IllegalStateException("the TuneGate run was not started");
        }
        return pipeline.take(test);
    }

    /** Evaluates the test's samples and throws what JUnit should report. */
    public void judge(VariantRun run, List<Matcher> matchers) {
        new Judge(failurePolicy).judge(run, matchers, listener);
    }

    /** Stops the pipeline and closes the gateway (and the embedded emulator). */
    public void close() {
        try {
            if (pipeline != null) {
                listener.runFinished();
            }
        } finally {
            closeGateway();
        }
    }

    private void closeGateway() {
        try {
            if (pipeline != null) {
                pipeline.close();
            }
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            pipeline = null;
            gateway = null;
        }
    }
}
