package dev.tunegate.engine.run;

import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.model.gate.Enforcement;
import dev.tunegate.engine.model.gate.SuiteGate;
import dev.tunegate.engine.model.suite.EvalSuite;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The failure policy of DESIGN.md "Test outcomes": a candidate's failure on an enforced case fails
 * its test; baseline and reference failures, and candidate failures that only count towards the
 * gate, are reported as aborted with a reason that says so.
 */
@API(status = API.Status.INTERNAL)
public final class GateFailurePolicy implements FailurePolicy {

    private final ComparisonSettings settings;
    private final Map<URI, SuiteGate> gates = new ConcurrentHashMap<>();

    public GateFailurePolicy(ComparisonSettings settings) {
        this.settings = settings;
    }

    /** The gate and roles of {@code suite}, with the configuration's overrides applied. */
    public SuiteGate gate(EvalSuite suite) {
        return gates.computeIfAbsent(suite.location(), l -> SuiteGate.of(suite, settings));
    }

    @Override
    public Optional<String> toleratedReason(PlannedTest test) {
        SuiteGate gate = gate(test.suite());
        return Enforcement.toleratedReason(
                gate.roles(),
                gate.policy(),
                test.variant().name(),
                test.evalCase().tags());
    }
}
