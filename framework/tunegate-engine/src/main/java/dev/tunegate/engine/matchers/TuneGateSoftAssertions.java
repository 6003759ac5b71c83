package dev.tunegate.engine.matchers;

import dev.tunegate.client.model.GenerateContentResponse;
import java.time.Duration;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractSoftAssertions;

/**
 * Soft assertions on model answers: every failed assertion is collected and {@link #assertAll()} reports them all
 * at once (AssertJ's soft assertions, also usable with its {@code SoftAssertionsExtension} and
 * {@code assertSoftly}), e.g.
 * {@code softly.assertThat(answer).finishedWith(FinishReason.STOP); softly.assertThat(answer).textIsJson();}.
 * The assertions are those of {@link ModelAnswerAssert}, as for {@link TuneGateAssertions}.
 */
@API(status = API.Status.STABLE, since = "0.1")
public class TuneGateSoftAssertions extends AbstractSoftAssertions {

    /** A fresh collector; call {@link #assertAll()} at the end. */
    public TuneGateSoftAssertions() {}

    /** Soft assertions on one model answer. */
    public ModelAnswerAssert assertThat(ModelAnswer answer) {
        return proxy(ModelAnswerAssert.class, ModelAnswer.class, answer);
    }

    /** Soft assertions on a raw {@code generateContent} response (latency unknown: zero). */
    public ModelAnswerAssert assertThat(GenerateContentResponse response) {
        return assertThat(ModelAnswer.of(response, Duration.ZERO));
    }
}
