package dev.tunegate.engine.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.error.AssertJMultipleFailuresError;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ExpectationsTest extends MatcherTestSupport {

    @Test
    void everyMatcherRunsAndEachOutcomeIsRecorded() {
        AtomicInteger lastRan = new AtomicInteger();
        Matcher counting = new Matcher() {
            @Override
            public void check(ModelAnswer answer) {
                lastRan.incrementAndGet();
            }

            @Override
            public String description() {
                return "counting";
            }
        };
        List<Matcher> matchers = List.of(
                matcher("contains: refund"),
                matcher("equals: nope"),
                matcher("finishReason: STOP"),
                matcher("regex: '^\\d+$'"),
                counting);

        Verdict verdict = Expectations.evaluate(matchers, answer("refund 12"));

        assertThat(lastRan).hasValue(1);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.results())
                .extracting(MatcherOutcome::description, MatcherOutcome::passed)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("contains \"refund\"", true),
                        org.assertj.core.groups.Tuple.tuple("equals \"nope\"", false),
                        org.assertj.core.groups.Tuple.tuple("finishReason STOP", true),
                        org.assertj.core.groups.Tuple.tuple("regex /^\\d+$/", false),
                        org.assertj.core.groups.Tuple.tuple("counting", true));
        MatcherOutcome failedEquals = verdict.results().get(1);
        assertThat(failedEquals.expected()).contains("nope");
        assertThat(failedEquals.actual()).contains("refund 12");
        assertThat(failedEquals.message()).startsWith("[equals \"nope\"]");
        assertThat(verdict.results().get(0).message()).isEmpty();
        assertThat(verdict.failures()).hasSize(2);
    }

    @Test
    void severalFailuresBecomeOneMultipleFailuresError() {
        List<Matcher> matchers = List.of(matcher("equals: nope"), matcher("contains: refund"), matcher("isJson"));
        Throwable thrown = catchThrowable(() -> Expectations.checkAll(matchers, answer("hello")));

        assertThat(thrown).isInstanceOf(AssertJMultipleFailuresError.class);
        AssertJMultipleFailuresError error = (AssertJMultipleFailuresError) thrown;
        assertThat(error.getFailures()).hasSize(3).allMatch(AssertionFailedError.class::isInstance);
        assertThat(error.getMessage())
                .contains("3 of 3 matchers failed")
                .contains("[equals \"nope\"]")
                .contains("[contains \"refund\"]")
                .contains("[isJson]");
    }

    @Test
    void aSingleFailureIsThrownAsItIs() {
        List<Matcher> matchers = List.of(matcher("contains: hello"), matcher("equals: nope"));
        assertThatThrownBy(() -> Expectations.checkAll(matchers, answer("hello")))
                .isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("[equals \"nope\"]");
    }

    @Test
    void customHeading() {
        Verdict verdict = Expectations.evaluate(List.of(matcher("equals: a"), matcher("equals: b")), answer("c"));
        assertThatThrownBy(() -> verdict.assertPassed("support-intents › refund [tuned]"))
                .hasMessageContaining("support-intents › refund [tuned]");
    }

    @Test
    void allPassingReturnsTheVerdict() {
        Verdict verdict = Expectations.checkAll(List.of(matcher("contains: a")), answer("a"));
        assertThat(verdict.passed()).isTrue();
        assertThat(Expectations.evaluate(List.of(), answer("a")).passed()).isTrue();
    }

    @Test
    void aBrokenMatcherIsRecordedAndDoesNotStopTheOthers() {
        Matcher broken = new Matcher() {
            @Override
            public void check(ModelAnswer answer) {
                throw new IllegalStateException("matcher bug");
            }

            @Override
            public String description() {
                return "broken";
            }
        };
        Verdict verdict = Expectations.evaluate(List.of(broken, matcher("equals: x")), answer("y"));
        assertThat(verdict.results()).extracting(MatcherOutcome::passed).containsExactly(false, false);
        assertThat(verdict.results().get(0).expected()).isEmpty();
        assertThatThrownBy(() ->
                        Expectations.evaluate(List.of(broken), answer("y")).assertPassed())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("matcher bug");
    }
}
