package dev.tunegate.engine.platform.descriptor;

import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.model.suite.SourcePosition;
import dev.tunegate.engine.model.suite.SuiteException;
import dev.tunegate.engine.model.suite.SuiteLocations;
import dev.tunegate.engine.model.suite.SuiteProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * One suite file (a container). A suite that could not be read has no children and fails when it
 * runs, with every problem in its message, so that {@code mvn test} fails.
 */
@API(status = API.Status.INTERNAL)
public final class SuiteDescriptor extends AbstractTestDescriptor implements Node<TuneGateExecutionContext> {

    private final URI location;
    private final CompiledSuite suite;
    private final SuiteException failure;

    private SuiteDescriptor(UniqueId id, String name, URI location, CompiledSuite suite, SuiteException failure) {
        super(id, name, SuiteSources.of(location, SourcePosition.START));
        this.location = location;
        this.suite = suite;
        this.failure = failure;
    }

    public static SuiteDescriptor of(UniqueId parent, CompiledSuite suite) {
        URI location = suite.suite().location();
        return new SuiteDescriptor(
                parent.append(TuneGateUniqueIds.SUITE, location.toString()),
                suite.suite().name(),
                location,
                suite,
                null);
    }

    public static SuiteDescriptor broken(UniqueId parent, URI location, SuiteException failure) {
        return new SuiteDescriptor(
                parent.append(TuneGateUniqueIds.SUITE, location.toString()),
                SuiteLocations.display(location),
                location,
                null,
                failure);
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** Kept when it has no tests (a suite that could not be read must still show up, and fail). */
    @Override
    public boolean mayRegisterTests() {
        return failure != null;
    }

    /** The suite, unless it could not be read. */
    public Optional<CompiledSuite> suite() {
        return Optional.ofNullable(suite);
    }

    public URI location() {
        return location;
    }

    /**
     * Skipped when none of its tests is selected: filters (tags, {@code tunegate.variants},
     * {@code tunegate.filter.name}) left no case test, so its gate tests must not judge an empty run.
     */
    @Override
    public SkipResult shouldBeSkipped(TuneGateExecutionContext context) {
        if (suite == null || selectedTests(context.config()) > 0) {
            return SkipResult.doNotSkip();
        }
        return SkipResult.skip("no test of suite '" + suite.suite().name()
                + "' is selected (tag filters, tunegate.variants, tunegate.filter.name), so its gate does not run");
    }

    /** The case tests in this suite's (filtered) tree that the configuration does not skip. */
    private int selectedTests(TuneGateConfiguration config) {
        int selected = 0;
        for (TestDescriptor child : getChildren()) {
            for (TestDescriptor test : child.getChildren()) {
                if (test instanceof VariantTestDescriptor v
                        && v.skipReason(config).isEmpty()) {
                    selected++;
                }
            }
        }
        return selected;
    }

    @Override
    public TuneGateExecutionContext before(TuneGateExecutionContext context) {
        if (failure != null) {
            throw new InvalidSuiteException("Suite " + SuiteLocations.display(location) + " cannot run:\n  "
                    + failure.problems().stream().map(SuiteProblem::describe).collect(Collectors.joining("\n  ")));
        }
        // checkpoint variants planned at discovery are reported with the endpoints, epochs and steps their job has
        context.listener().suiteStarted(context.resolved(suite.suite()));
        return context;
    }

    @Override
    public void after(TuneGateExecutionContext context) {
        if (suite == null) {
            return;
        }
        try {
            judgeUnselectedGates(context);
        } finally {
            context.listener().suiteFinished(suite.suite());
        }
    }

    /**
     * Judges the gate of every candidate whose gate test is not in the tree while tests of the suite
     * ran: a tag filter that excludes a tag ({@code !critical}, Surefire's {@code excludedGroups}) also
     * excludes the gate, which carries the union of the case tags. A gate never goes unjudged: the suite
     * fails with the verdict when it does not hold.
     */
    private void judgeUnselectedGates(TuneGateExecutionContext context) {
        Set<String> present = new HashSet<>();
        for (TestDescriptor child : getChildren()) {
            if (child instanceof GateTestDescriptor gate) {
                present.add(gate.candidate());
            }
        }
        List<String> failures = new ArrayList<>();
        for (String candidate : suite.gate().roles().candidates()) {
            if (present.contains(candidate)) {
                continue;
            }
            GateTestDescriptor gate = GateTestDescriptor.of(getUniqueId(), suite, candidate);
            try {
                context.judgeGate(suite.suite(), candidate, gate.getUniqueId().toString(), gate.getDisplayName());
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionFailedError(
                    "The gate test of suite '" + suite.suite().name()
                            + "' was not selected (a tag filter excluded it: it carries the tag 'gate', the variant tags and"
                            + " every case tag of the suite), but tests of the suite ran, so the suite judged its gate:\n"
                            + String.join("\n", failures));
        }
    }

    /** A suite that failed discovery checks; its message lists every problem as file:line:column. */
    public static final class InvalidSuiteException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidSuiteException(String message) {
            super(message);
        }
    }
}
