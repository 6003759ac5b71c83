package dev.tunegate.engine.jupiter;

import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.results.record.GateJudge;
import dev.tunegate.engine.run.GateFailurePolicy;
import dev.tunegate.engine.run.ModelCalls;
import dev.tunegate.engine.run.ResultListener;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The run-scoped services of the Java evals of one Jupiter execution, wired by the engine's composition root
 * ({@code RunWiring}) exactly as for the YAML suites: the model calls, the gate's failure policy, the result
 * listener (run record, reports, Allure) and the judge of gate tests. Reports cover every launch that writes to
 * the same reports directory in this JVM, so YAML suites and Java evals share one summary.
 */
@API(status = API.Status.INTERNAL)
public final class JavaEvalServices implements AutoCloseable {

    private final TuneGateConfiguration config;
    private final ModelCalls calls;
    private final GateFailurePolicy policy;
    private final ResultListener listener;
    private final GateJudge gates;

    public JavaEvalServices(
            TuneGateConfiguration config,
            ModelCalls calls,
            GateFailurePolicy policy,
            ResultListener listener,
            GateJudge gates) {
        this.config = config;
        this.calls = calls;
        this.policy = policy;
        this.listener = listener;
        this.gates = gates;
    }

    TuneGateConfiguration config() {
        return config;
    }

    ModelCalls calls() {
        return calls;
    }

    GateFailurePolicy policy() {
        return policy;
    }

    ResultListener listener() {
        return listener;
    }

    GateJudge gates() {
        return gates;
    }

    /** Opens the model calls (endpoint, client, embedded emulator) once, before the first call. */
    synchronized void start() {
        if (!calls.started()) {
            if (!config.problems().isEmpty()) {
                throw new IllegalArgumentException(
                        "Invalid TuneGate configuration:\n  " + String.join("\n  ", config.problems()));
            }
            calls.start(List.of());
        }
    }

    /** Ends the run: reports are written, then the model calls close. */
    @Override
    public synchronized void close() {
        try {
            if (calls.started()) {
                listener.runFinished();
            }
        } finally {
            calls.close();
        }
    }
}
