package dev.tunegate.engine.platform.descriptor;

import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.run.PlannedTest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One case on one model variant: the JUnit test. Display name {@code suite › case [variant]} (it
 * stands on its own in Surefire and IDE reports); tags are the case's plus {@code variant-<name>}.
 */
@API(status = API.Status.INTERNAL)
public final class VariantTestDescriptor extends AbstractTestDescriptor implements Node<TuneGateExecutionContext> {

    private final CaseDescriptor parent;
    private final ModelVariant variant;

    private VariantTestDescriptor(CaseDescriptor parent, ModelVariant variant) {
        super(
                parent.getUniqueId().append(TuneGateUniqueIds.VARIANT, variant.name()),
                parent.suite().suite().name() + " › " + parent.evalCase().id() + " [" + variant.name() + "]",
                parent.getSource().orElse(null));
        this.parent = parent;
        this.variant = variant;
    }

    public static VariantTestDescriptor of(CaseDescriptor parent, String variant) {
        return new VariantTestDescriptor(
                parent, parent.suite().suite().variants().get(variant));
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        // interned: JUnit's test plan keeps every test's tags, and this name is the same for all tests of the variant
        return CaseDescriptor.tags(parent.evalCase().tags(), ("variant-" + variant.name()).intern());
    }

    public EvalSuite suite() {
        return parent.suite().suite();
    }

    public EvalCase evalCase() {
        return parent.evalCase();
    }

    public ModelVariant variant() {
        return variant;
    }

    /** What the call pipeline needs to know about this test. */
    public PlannedTest plan() {
        return new PlannedTest(getUniqueId(), suite(), evalCase(), variant, parent.matchers());
    }

    /** Why the configuration excludes this test, or empty. */
    public Optional<String> skipReason(TuneGateConfiguration config) {
        if (config.variants().isPresent() && !config.variants().get().contains(variant.name())) {
            return Optional.of("tunegate.variants="
                    + String.join(",", config.variants().get().stream().sorted().toList())
                    + " does not include variant '" + variant.name() + "'");
        }
        if (config.nameFilter().isPresent()
                && !config.nameFilter().get().matcher(evalCase().id()).find()
                && !config.nameFilter().get().matcher(getDisplayName()).find()) {
            return Optional.of(
                    "tunegate.filter.name=" + config.nameFilter().get().pattern() + " does not match case '"
                            + evalCase().id() + "'");
        }
        return Optional.empty();
    }

    /** The matchers of this test's case. */
    List<Matcher> matchers() {
        return parent.matchers();
    }

    @Override
    public SkipResult shouldBeSkipped(TuneGateExecutionContext context) {
        return skipReason(context.config()).map(SkipResult::skip).orElse(SkipResult.doNotSkip());
    }

    @Override
    public TuneGateExecutionContext execute(TuneGateExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        context.judge(plan(), matchers());
        return context;
    }

    @Override
    public void nodeSkipped(
            TuneGateExecutionContext context, org.junit.platform.engine.TestDescriptor descriptor, SkipResult result) {
        context.listener().variantSkipped(plan(), result.getReason().orElse("skipped"));
    }
}
