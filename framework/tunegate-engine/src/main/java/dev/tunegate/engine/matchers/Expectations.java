package dev.tunegate.engine.matchers;

import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Evaluates the matchers of a case softly: every matcher runs, even after one has failed (like
 * AssertJ's {@code SoftAssertions}).
 */
@API(status = API.Status.INTERNAL)
public final class Expectations {

    private Expectations() {}

    /**
     * Runs every matcher on the answer and records each outcome. An {@link AssertionError} or a
     * {@link RuntimeException} from a matcher becomes a failed result; other errors propagate.
     */
    public static Verdict evaluate(List<? extends Matcher> matchers, ModelAnswer answer) {
        List<MatcherOutcome> results = new ArrayList<>(matchers.size());
        for (Matcher matcher : matchers) {
            String description = matcher.description();
            try {
                matcher.check(answer);
                results.add(MatcherOutcome.passed(description));
            } catch (AssertionError | RuntimeException failure) {
                results.add(new MatcherOutcome(description, failure));
            }
        }
        return new Verdict(results);
    }

    /**
     * Runs every matcher and throws when any failed: the single failure itself, or one
     * {@code AssertJMultipleFailuresError} listing every failure.
     *
     * @return the verdict, when every matcher passed
     */
    public static Verdict checkAll(List<? extends Matcher> matchers, ModelAnswer answer) {
        Verdict verdict = evaluate(matchers, answer);
        verdict.assertPassed();
        return verdict;
    }
}
