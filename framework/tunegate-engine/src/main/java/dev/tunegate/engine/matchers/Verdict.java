package dev.tunegate.engine.matchers;

import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.error.AssertJMultipleFailuresError;

/**
 * The outcome of all matchers of a case on one answer, in the order of the {@code expect:} list.
 * Reports read {@link #results()}; the test then calls {@link #assertPassed()}.
 *
 * @param results one result per matcher
 */
@API(status = API.Status.STABLE, since = "0.1")
public record Verdict(List<MatcherOutcome> results) {

    /** Copies the list. */
    public Verdict {
        results = List.copyOf(results);
    }

    /** Whether every matcher passed (also true when there were none). */
    public boolean passed() {
        return results.stream().allMatch(MatcherOutcome::passed);
    }

    /** The failed results, in order. */
    public List<MatcherOutcome> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /** Same as {@link #assertPassed(String)} with a heading that counts the failures. */
    public void assertPassed() {
        List<MatcherOutcome> failures = failures();
        assertPassed(failures.size() + " of " + results.size() + " matchers failed");
    }

    /**
     * Does nothing when every matcher passed. When exactly one failed, rethrows its failure unchanged
     * (an {@code AssertionFailedError} with expected and actual for the built-ins). When several
     * failed, throws one {@link AssertJMultipleFailuresError} with {@code heading} listing each failure.
     */
    public void assertPassed(String heading) {
        List<Throwable> failures =
                failures().stream().map(MatcherOutcome::failure).toList();
        if (failures.isEmpty()) {
            return;
        }
        if (failures.size() == 1) {
            Throwable only = failures.get(0);
            if (only instanceof AssertionError error) {
                throw error;
            }
            if (only instanceof RuntimeException exception) {
                throw exception;
            }
            throw new AssertionError(only.getMessage(), only);
        }
        throw new AssertJMultipleFailuresError(heading, failures);
    }
}
