package dev.tunegate.engine.matchers;

import org.apiguardian.api.API;

/**
 * One expectation on a model answer, created from a suite's {@code expect:} entry by a
 * {@link MatcherFactory}. Matchers are immutable and may be called from several threads.
 */
@API(status = API.Status.STABLE, since = "0.1")
public interface Matcher {

    /**
     * Checks the answer.
     *
     * @throws AssertionError (preferably an {@code org.opentest4j.AssertionFailedError} with expected
     *     and actual values) whose message names the matcher, the expected and the actual value
     */
    void check(ModelAnswer answer);

    /** A short human description naming the matcher and its argument, e.g. {@code contains "refund"}. */
    String description();
}
