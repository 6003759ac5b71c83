package dev.tunegate.engine.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunegate.client.model.FinishReason;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** {@code assertThat(GenerateContentResponse)} and soft assertions, as a user's Java test would use them. */
class SoftAndResponseAssertionsTest extends MatcherTestSupport {

    @Test
    void aRawResponseGetsTheSameAssertionsAsAnAnswer() {
        TuneGateAssertions.assertThat(answer("{\"intent\": \"refund\"}").response())
                .finishedWith(FinishReason.STOP)
                .textIsJson()
                .textContains("refund");
        assertThatThrownBy(() -> TuneGateAssertions.assertThat(answer("cancel").response())
                        .hasText("refund"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Expected the answer text to be:\n  \"refund\"\nbut was:\n  \"cancel\"");
    }

    @Test
    void softAssertionsReportEveryFailureWithExpectedAndActual() {
        TuneGateSoftAssertions softly = new TuneGateSoftAssertions();
        softly.assertThat(answer("cancel")).hasText("refund");
        softly.assertThat(answer("cancel").response()).textIsJson();
        softly.assertThat(answer("cancel")).finishedWith(FinishReason.STOP);

        assertThatThrownBy(softly::assertAll)
                .isInstanceOf(AssertJMultipleFailuresError.class)
                .hasMessageContaining("Multiple Failures (2 failures)")
                .hasMessageContaining("Expected the answer text to be:\n  \"refund\"")
                .hasMessageContaining("to be JSON, but it is not");
        assertThat(softly.assertionErrorsCollected()).first().isInstanceOfSatisfying(AssertionFailedError.class, e -> {
            assertThat(e.getExpected().getValue()).isEqualTo("refund");
            assertThat(e.getActual().getValue()).isEqualTo("cancel");
        });
    }
}
