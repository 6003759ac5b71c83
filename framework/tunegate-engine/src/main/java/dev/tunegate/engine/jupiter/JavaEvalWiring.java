package dev.tunegate.engine.jupiter;

import dev.tunegate.engine.results.record.VerdictLog;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * How the Jupiter extension reaches the engine's composition root without depending on it: the
 * {@code tunegate} engine implements it, and the extension finds it among the registered test engines.
 */
@API(status = API.Status.INTERNAL)
public interface JavaEvalWiring {

    /**
     * The services of a Java eval run configured by {@code parameters}; its verdict block goes to
     * {@code verdicts} (null: nowhere).
     */
    JavaEvalServices open(ConfigurationParameters parameters, VerdictLog.Runs verdicts);
}
