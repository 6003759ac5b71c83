package dev.tunegate.engine.platform.descriptor;

import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The gate test of a suite for one candidate: the last child of the suite, it applies the suite's
 * gate policy to the results of the cases that ran and fails with the verdict table when the policy
 * does not hold. Display name {@code suite › gate [candidate]}, tag {@code gate}.
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

    @Override
    public Set<TestTag> getTags() {
        return Set.of(TestTag.create("gate"));
    }

    public String candidate() {
        return candidate;
    }

    @Override
    public SkipResult shouldBeSkipped(TuneGateExecutionContext context) {
        var variants = context.config().variants();
        if (variants.isPresent() && !variants.get().contains(candidate)) {
            return SkipResult.skip("tunegate.variants="
                    + String.join(",", variants.get().stream().sorted().toList()) + " does not include candidate '"
                    + candidate + "'");
        }
        return SkipResult.doNotSkip();
    }

    @Override
    public TuneGateExecutionContext execute(TuneGateExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        context.judgeGate(suite.suite(), candidate, getUniqueId().toString(), getDisplayName());
        return context;
    }
}
