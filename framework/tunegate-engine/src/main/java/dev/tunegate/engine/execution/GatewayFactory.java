package dev.tunegate.engine.execution;

import dev.tunegate.engine.config.TuneGateConfiguration;
import java.util.function.Consumer;

/** Opens the run's {@link ModelGateway} (once per run, only when there are tests to run). */
@FunctionalInterface
public interface GatewayFactory {

    /**
     * @param config   the run's configuration
     * @param progress where to report progress lines (tuning, endpoint)
     */
    ModelGateway open(TuneGateConfiguration config, Consumer<String> progress);
}
