package dev.tunegate.engine.model.suite;

import java.util.List;
import org.apiguardian.api.API;

/** Thrown when a suite cannot be used; carries every problem found, each with its position. */
@API(status = API.Status.INTERNAL)
public final class SuiteException extends Exception {

    private static final long serialVersionUID = 1L;
    private final transient List<SuiteProblem> problems;

    public SuiteException(List<SuiteProblem> problems) {
        super(
                problems.isEmpty()
                        ? "invalid suite"
                        : problems.get(0).describe()
                                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        this.problems = List.copyOf(problems);
    }

    public SuiteException(SuiteProblem problem) {
        this(List.of(problem));
    }

    /** Every problem, in file order as far as it is known. */
    public List<SuiteProblem> problems() {
        return problems;
    }
}
