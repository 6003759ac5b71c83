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
     * {@link RuntimeException} from a matcher becomes a failed result; other errors propagate. Matchers
     * of a suite ({@link TimeLimitedMatcher}) run under their time limit: one that does not finish in
     * time fails with a message naming it, its place and the limit, and the others still run.
     */
    public static Verdict evaluate(List<? extends Matcher> matchers, ModelAnswer answer) {
        for (Matcher matcher : matchers) {
            if (matcher instanceof TimeLimitedMatcher limited
                    && !InterruptibleMatcher.stopsWhenInterrupted(limited.delegate())) {
                return LimitedEvaluation.evaluate(matchers, answer);
            }
        }
        // every matcher may run here: a time limit is enforced by the watchdog interrupting this thread
        boolean interrupted = Thread.interrupted(); // a pending interrupt would stop a regex at once
        try {
            List<MatcherOutcome> results = new ArrayList<>(matchers.size());
            for (Matcher matcher : matchers) {
                results.add(
                        matcher instanceof TimeLimitedMatcher limited
                                ? evaluateWithin(limited, answer)
                                : evaluateOne(matcher, answer));
            }
            return new Verdict(results);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One time-limited matcher on this thread, interrupted by the {@link Watchdog} when it runs late. */
    private static MatcherOutcome evaluateWithin(TimeLimitedMatcher limited, ModelAnswer answer) {
        Watchdog.Slot slot = Watchdog.slot();
        slot.arm(limited.limit().toNanos());
        MatcherOutcome outcome;
        boolean late;
        try {
            outcome = evaluateOne(limited.delegate(), answer);
        } finally {
            late = slot.disarm();
        }
        return late ? new MatcherOutcome(limited.description(), limited.timedOut()) : outcome;
    }

    /** One matcher's outcome; an {@link AssertionError} or a {@link RuntimeException} is a failure. */
    static MatcherOutcome evaluateOne(Matcher matcher, ModelAnswer answer) {
        String description = matcher.description();
        try {
            matcher.check(answer);
            return MatcherOutcome.passed(description);
        } catch (AssertionError | RuntimeException failure) {
            return new MatcherOutcome(description, failure);
        }
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
