package dev.tunegate.engine.matchers;

import dev.tunegate.client.model.GenerateContentResponse;
import java.time.Duration;
import org.apiguardian.api.API;

/**
 * Entry point for AssertJ-style assertions on model answers in Java tests:
 * {@code assertThat(answer).finishedWith(FinishReason.STOP).textContains("refund")}. The built-in matchers of the
 * YAML suites are made of these assertions, so a Java test and a YAML case check the same way; for soft
 * assertions see {@link TuneGateSoftAssertions}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class TuneGateAssertions {

    private TuneGateAssertions() {}

    /** Assertions on one model answer. */
    public static ModelAnswerAssert assertThat(ModelAnswer answer) {
        return new ModelAnswerAssert(answer);
    }

    /**
     * The same assertions on a raw {@code generateContent} response (e.g. from the client in a test of your own);
     * its latency is unknown, so {@code respondedWithin} sees zero.
     */
    public static ModelAnswerAssert assertThat(GenerateContentResponse response) {
        return new ModelAnswerAssert(ModelAnswer.of(response, Duration.ZERO));
    }
}
