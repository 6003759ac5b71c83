package dev.tunegate.engine.matchers;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A suite's matcher with the place it is written and its time limit ({@code tunegate.matcher.timeout}).
 * {@link Expectations#evaluate} fails its check when it takes longer than the limit, with a message
 * naming the matcher, its {@code file:line} and the limit. An {@link InterruptibleMatcher} runs on the
 * caller's thread, which a watchdog interrupts at the limit (that stops a regular expression, see
 * {@link InterruptibleText}); any other matcher runs on a worker thread that the caller stops waiting
 * for at the limit. The description is
 * the wrapped matcher's, so reports do not change.
 */
@API(status = API.Status.INTERNAL)
public final class TimeLimitedMatcher implements Matcher {
    private final Matcher delegate;
    private final String location;
    private final Duration limit;

    /**
     * @param location where the matcher is written, e.g. {@code suites/a.eval.yaml:12}
     * @param limit the most one evaluation may take
     */
    public TimeLimitedMatcher(Matcher delegate, String location, Duration limit) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.location = Objects.requireNonNull(location, "location");
        this.limit = Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive: " + limit);
        }
    }

    /** Checks the answer within the time limit. */
    @Override
    public void check(ModelAnswer answer) {
        Expectations.evaluate(List.of(this), answer).assertPassed();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    Matcher delegate() {
        return delegate;
    }

    Duration limit() {
        return limit;
    }

    /** The failure of an evaluation that did not finish within the limit. */
    AssertionError timedOut() {
        return new AssertionError(
                "[" + description() + "] at " + location + " did not finish within the time limit of "
                        + limit + " (tunegate.matcher.timeout), so this check fails; a regular expression with nested"
                        + " quantifiers such as (.*a){25} or (a+)+ can backtrack for a very long time on an answer it does not match");
    }

    @Override
    public String toString() {
        return description() + " at " + location;
    }
}
