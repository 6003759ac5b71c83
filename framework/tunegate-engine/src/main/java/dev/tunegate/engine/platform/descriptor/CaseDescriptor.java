package dev.tunegate.engine.platform.descriptor;

import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.model.suite.EvalCase;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** One case of a suite (a container of one test per variant); its source is the case's line. */
@API(status = API.Status.INTERNAL)
public final class CaseDescriptor extends AbstractTestDescriptor implements Node<TuneGateExecutionContext> {

    private final CompiledSuite suite;
    private final EvalCase evalCase;

    private CaseDescriptor(UniqueId id, CompiledSuite suite, EvalCase evalCase) {
        super(id, evalCase.id(), SuiteSources.of(evalCase.file(), evalCase.position()));
        this.suite = suite;
        this.evalCase = evalCase;
    }

    public static CaseDescriptor of(UniqueId suiteId, CompiledSuite suite, EvalCase evalCase) {
        return new CaseDescriptor(suiteId.append(TuneGateUniqueIds.CASE, evalCase.id()), suite, evalCase);
    }

    /**
     * The valid tags among {@code names}, in order, plus {@code extra} when given. Built on each call
     * rather than held: JUnit copies a test's tags into its plan, and a set per descriptor would be
     * kept for every case of the run.
     */
    static Set<TestTag> tags(List<String> names, String extra) {
        Set<TestTag> tags = new LinkedHashSet<>();
        for (String name : names) {
            if (TestTag.isValid(name)) {
                tags.add(TestTag.create(name));
            }
        }
        if (extra != null && TestTag.isValid(extra)) {
            tags.add(TestTag.create(extra));
        }
        return tags;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags(evalCase.tags(), null);
    }

    public CompiledSuite suite() {
        return suite;
    }

    public EvalCase evalCase() {
        return evalCase;
    }

    /** The case's matchers, created at discovery. */
    public List<Matcher> matchers() {
        return suite.matchers().get(evalCase.id());
    }
}
