package dev.tunegate.engine.platform.descriptor;

import dev.tunegate.engine.model.suite.SourcePosition;
import dev.tunegate.engine.model.suite.SuiteException;
import dev.tunegate.engine.model.suite.SuiteLocations;
import dev.tunegate.engine.model.suite.SuiteProblem;
import java.net.URI;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

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

    @Override
    public TuneGateExecutionContext before(TuneGateExecutionContext context) {
        if (failure != null) {
            throw new InvalidSuiteException("Suite " + SuiteLocations.display(location) + " cannot run:\n  "
                    + failure.problems().stream().map(SuiteProblem::describe).collect(Collectors.joining("\n  ")));
        }
        context.listener().suiteStarted(suite.suite());
        return context;
    }

    @Override
    public void after(TuneGateExecutionContext context) {
        if (suite != null) {
            context.listener().suiteFinished(suite.suite());
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
