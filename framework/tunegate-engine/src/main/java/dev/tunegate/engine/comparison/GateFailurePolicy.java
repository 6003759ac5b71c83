package dev.tunegate.engine.comparison;

import dev.tunegate.engine.execution.FailurePolicy;
import dev.tunegate.engine.execution.PlannedTest;
import dev.tunegate.engine.gate.Enforcement;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The failure policy of DESIGN.md "Test outcomes": a candidate's failure on an enforced case fails
 * its test; baseline and reference failures, and candidate failures that only count towards the
 * gate, are reported as aborted with a reason that says so.
 */
final class GateFailurePolicy implements FailurePolicy {

    private final ComparisonSettings settings;
    private final Map<URI, SuiteGate> gates = new ConcurrentHashMap<>();

    GateFailurePolicy(ComparisonSettings settings) {
        this.settings = settings;
    }

    SuiteGate gate(dev.tunegate.engine.suite.EvalSuite suite) {
        return gates.computeIfAbsent(suite.location(), l -> SuiteGate.of(suite, settings));
    }

    @Override
    public Optional<String> toleratedReason(PlannedTest test) {
        SuiteGate gate = gate(test.suite());
        return Enforcement.toleratedReason(gate.roles(), gate.policy(), test.variant().name(), test.evalCase().tags());
    }
}
