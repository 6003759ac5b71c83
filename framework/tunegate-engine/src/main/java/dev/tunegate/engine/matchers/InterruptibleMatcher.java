package dev.tunegate.engine.matchers;

import org.apiguardian.api.API;

/**
 * A matcher that may be checked on the caller's own thread under its time limit: it only computes on
 * the answer (no I/O, no waiting, no model calls) and, if it can take long at all, stops soon after
 * its thread is interrupted (a regular expression reads the answer through {@link InterruptibleText}).
 * {@link Expectations#evaluate} then needs no hand-over to a worker thread; any other matcher (one of a
 * user's factories, a model-graded one) is still evaluated on a worker thread, where it may block.
 */
@API(status = API.Status.INTERNAL)
public interface InterruptibleMatcher extends Matcher {

    /** Whether this matcher, and every matcher inside it, stops when its thread is interrupted. */
    boolean stopsWhenInterrupted();

    /** Whether {@code matcher} is an {@link InterruptibleMatcher} that stops when interrupted. */
    static boolean stopsWhenInterrupted(Matcher matcher) {
        return matcher instanceof InterruptibleMatcher m && m.stopsWhenInterrupted();
    }
}
