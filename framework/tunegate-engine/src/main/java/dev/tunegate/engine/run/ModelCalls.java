package dev.tunegate.engine.run;

import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.Matcher;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.apiguardian.api.API;

/**
 * The model calls of one run: opens the gateway (and with it the endpoint, client and embedded
 * emulator) and the {@link CallPipeline} when the run starts, hands each test its samples, and
 * closes both at the end. Nothing is opened for a run with nothing to execute.
 */
@API(status = API.Status.INTERNAL)
public final class ModelCalls implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("dev.tunegate.engine");

    private final TuneGateConfiguration config;
    private final GatewayFactory gatewayFactory;
    private ModelGateway gateway;
    private CallPipeline pipeline;

    public ModelCalls(TuneGateConfiguration config, GatewayFactory gatewayFactory) {
        this.config = config;
        this.gatewayFactory = gatewayFactory;
    }

    /** Opens the gateway and starts issuing the calls of {@code plan}, in order. */
    public void start(List<PlannedTest> plan) {
        start(plan, null);
    }

    /**
     * Opens the gateway and starts issuing the calls of {@code plan}, in order, judging each test's
     * answers with its matchers (same index in {@code matchers}) as soon as its calls are done, off the
     * test thread; {@code null} leaves the judging to {@link #take(PlannedTest, List)}.
     */
    public void start(List<PlannedTest> plan, List<List<Matcher>> matchers) {
        Consumer<String> progress = line -> LOG.info(() -> "TuneGate: " + line);
        gateway = gatewayFactory.open(config, progress);
        pipeline = new CallPipeline(plan, matchers, gateway, config.lookAhead());
        pipeline.start();
    }

    /** True once {@link #start} ran (and until {@link #close}). */
    public boolean started() {
        return pipeline != null;
    }

    /** The samples of a test, waiting for its calls if they are still running. */
    public VariantRun take(PlannedTest test) {
        if (pipeline == null) {
            throw new IllegalStateException("the TuneGate run was not started");
        }
        return pipeline.take(test);
    }

    /** The judged samples of a test, waiting for them if needed (judged here with {@code matchers} if not yet). */
    public Judgement take(PlannedTest test, List<Matcher> matchers) {
        if (pipeline == null) {
            throw new IllegalStateException("the TuneGate run was not started");
        }
        return pipeline.take(test, matchers);
    }

    /** Stops the pipeline and closes the gateway (and the embedded emulator). */
    @Override
    public void close() {
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
