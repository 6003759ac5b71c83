package dev.tunegate.engine.run;

import dev.tunegate.engine.config.TuneGateConfiguration;
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
        Consumer<String> progress = line -> LOG.info(() -> "TuneGate: " + line);
        gateway = gatewayFactory.open(config, progress);
        pipeline = new CallPipeline(plan, gateway, config.lookAhead(), config.judges());
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
