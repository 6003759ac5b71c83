package dev.tunegate.engine.run;

import dev.tunegate.engine.config.TuneGateConfiguration;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/** Opens the run's {@link ModelGateway} (once per run, only when there are tests to run). */
@FunctionalInterface
@API(status = API.Status.INTERNAL)
public interface GatewayFactory {

    /**
     * @param config   the run's configuration
     * @param progress where to report progress lines (tuning, endpoint)
     */
    ModelGateway open(TuneGateConfiguration config, Consumer<String> progress);
}
