package dev.tunegate.engine.model.suite;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/** Thrown when a suite cannot be used; carries every problem found, each with its position. */
@API(status = API.Status.INTERNAL)
public final class SuiteException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<SuiteProblem> problems;
    private final transient EvalSuite partial;

    public SuiteException(List<SuiteProblem> problems) {
        this(problems, null);
    }

    private SuiteException(List<SuiteProblem> problems, EvalSuite partial) {
        super(
                problems.isEmpty()
                        ? "invalid suite"
                        : problems.get(0).describe()
                                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        this.problems = List.copyOf(problems);
        this.partial = partial;
    }

    public SuiteException(SuiteProblem problem) {
        this(List.of(problem));
    }

    /** An exception with the problems sorted by file, line and column. */
    static SuiteException inFileOrder(List<SuiteProblem> problems) {
        return inFileOrder(problems, null);
    }

    /**
     * An exception with the problems sorted by file, line and column, carrying what could be mapped
     * anyway (so that later checks, such as creating the matchers, can still report their problems).
     */
    public static SuiteException inFileOrder(List<SuiteProblem> problems, EvalSuite partial) {
        List<SuiteProblem> copy = new ArrayList<>();
        for (SuiteProblem problem : problems) {
            if (!copy.contains(problem)) {
                copy.add(problem);
            }
        }
        copy.sort(Comparator.comparing((SuiteProblem p) -> p.file().toString())
                .thenComparingInt(p -> p.position().line())
                .thenComparingInt(p -> p.position().column()));
        return new SuiteException(copy, partial);
    }

    /** The suite as far as it could be mapped despite the problems (cases the schema rejected left out). */
    public Optional<EvalSuite> partial() {
        return Optional.ofNullable(partial);
    }

    /** Every problem, in file order as far as it is known. */
    public List<SuiteProblem> problems() {
        return problems;
    }
}
