package dev.tunegate.engine.matchers;

import org.apiguardian.api.API;

/**
 * Entry point for AssertJ-style assertions on model answers in Java tests:
 * {@code assertThat(answer).finishedWith(FinishReason.STOP).textContains("refund")}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class TuneGateAssertions {

    private TuneGateAssertions() {}

    /** Assertions on one model answer. */
    public static ModelAnswerAssert assertThat(ModelAnswer answer) {
        return new ModelAnswerAssert(answer);
    }
}
