package dev.tunegate.engine.platform.descriptor;

import dev.tunegate.engine.model.suite.EvalCase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The gate test of a suite for one candidate: the last child of the suite, it applies the suite's
 * gate policy to the results of the cases that ran and fails with the verdict table when the policy
 * does not hold (also when filters left the candidate no case: a gate is never skipped while tests
 * of its suite run). Display name {@code suite › gate [candidate]}, tags {@link #getTags() below}.
 */
@API(status = API.Status.INTERNAL)
public final class GateTestDescriptor extends AbstractTestDescriptor implements Node<TuneGateExecutionContext> {

    private final CompiledSuite suite;
    private final String candidate;

    private GateTestDescriptor(UniqueId id, CompiledSuite suite, String candidate) {
        super(
                id,
                suite.suite().name() + " › gate [" + candidate + "]",
                SuiteSources.of(suite.suite().location(), suite.suite().position()));
        this.suite = suite;
        this.candidate = candidate;
    }

    public static GateTestDescriptor of(UniqueId suiteId, CompiledSuite suite, String candidate) {
        return new GateTestDescriptor(suiteId.append(TuneGateUniqueIds.GATE, candidate), suite, candidate);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    /**
     * {@code gate}, every variant's {@code variant-<name>} and the union of the suite's case tags, so
     * that a tag expression that selects a test of the suite also selects its gate when it only asks
     * for tags ({@code critical}, {@code critical & variant-tuned}). An expression that excludes a tag
     * ({@code !critical}, {@code excludedGroups}) removes the gate with it; the suite then judges the gate
     * itself (see {@link SuiteDescriptor}), and a gate kept while no test of its suite is selected does
     * not run (its suite is skipped).
     */
    @Override
    public Set<TestTag> getTags() {
        Set<TestTag> tags = new LinkedHashSet<>();
        tags.add(TestTag.create("gate"));
        for (String variant : suite.suite().variants().keySet()) {
            tags.addAll(CaseDescriptor.tags(List.of(), "variant-" + variant));
        }
        for (EvalCase c : suite.suite().cases()) {
            tags.addAll(CaseDescriptor.tags(c.tags(), null));
        }
        return tags;
    }

    public String candidate() {
        return candidate;
    }

    @Override
    public TuneGateExecutionContext execute(TuneGateExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        context.judgeGate(suite.suite(), candidate, getUniqueId().toString(), getDisplayName());
        return context;
    }
}
