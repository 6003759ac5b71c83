package dev.tunegate.engine.matchers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ResponseMatchersTest extends MatcherTestSupport {

    static final String RATED = """
      {"candidates":[{"content":{"parts":[{"text":"You idiot."}]},"finishReason":"STOP",
        "safetyRatings":[{"category":"HARM_CATEGORY_HARASSMENT","probability":"MEDIUM"},
                         {"category":"HARM_CATEGORY_HATE_SPEECH","probability":"LOW"}]}]}
      """;
    static final String PROMPT_BLOCKED = """
      {"promptFeedback":{"blockReason":"SAFETY",
        "safetyRatings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH","blocked":true}]}}
      """;
    static final String CANDIDATE_BLOCKED = """
      {"candidates":[{"finishReason":"SAFETY",
        "safetyRatings":[{"category":"HARM_CATEGORY_HARASSMENT","probability":"HIGH","blocked":true}]}]}
      """;

    @Nested
    class SafetyMatcher {

        @Test
        void overallMaximum() {
            assertThat(failure(matcher("safety: {max: MEDIUM}"), answerJson(RATED)))
                    .isNull();
            AssertionFailedError error = failure(matcher("safety: {max: LOW}"), answerJson(RATED));
            assertThat(error.getMessage())
                    .startsWith("[safety max LOW]")
                    .contains("HARM_CATEGORY_HARASSMENT was MEDIUM");
            assertThat(error.getExpected().getValue()).isEqualTo("LOW");
            assertThat(error.getActual().getValue()).isEqualTo("MEDIUM");
        }

        @Test
        void perCategoryWithOrWithoutPrefix() {
            assertThat(failure(matcher("safety: {HARM_CATEGORY_HATE_SPEECH: LOW}"), answerJson(RATED)))
                    .isNull();
            assertThat(failure(matcher("safety: {hate_speech: low}"), answerJson(RATED)))
                    .isNull();
            AssertionFailedError error = failure(matcher("safety: {HARASSMENT: NEGLIGIBLE}"), answerJson(RATED));
            assertThat(error.getMessage())
                    .contains("HARM_CATEGORY_HARASSMENT rating to be at most NEGLIGIBLE but was MEDIUM");
            assertThat(error.getExpected().getValue()).isEqualTo("HARM_CATEGORY_HARASSMENT: NEGLIGIBLE");
            // a category without a rating passes
            assertThat(failure(matcher("safety: {HARM_CATEGORY_SEXUALLY_EXPLICIT: NEGLIGIBLE}"), answerJson(RATED)))
                    .isNull();
        }

        @Test
        void blockedAndBlockReason() {
            assertThat(failure(matcher("safety: {blocked: false}"), answerJson(RATED)))
                    .isNull();
            assertThat(failure(matcher("safety: {blocked: true}"), answerJson(PROMPT_BLOCKED)))
                    .isNull();
            assertThat(failure(matcher("safety: {blocked: true}"), answerJson(CANDIDATE_BLOCKED)))
                    .isNull();
            assertThat(failure(matcher("safety: {blockReason: SAFETY}"), answerJson(PROMPT_BLOCKED)))
                    .isNull();

            AssertionFailedError notBlocked = failure(matcher("safety: {blocked: true}"), answerJson(RATED));
            assertThat(notBlocked.getMessage()).contains("Expected the answer to be blocked, but it was not");
            AssertionFailedError wasBlocked = failure(matcher("safety: {blocked: false}"), answerJson(PROMPT_BLOCKED));
            assertThat(wasBlocked.getMessage()).contains("prompt blocked for SAFETY");
            AssertionFailedError reason = failure(matcher("safety: {blockReason: SAFETY}"), answerJson(RATED));
            assertThat(reason.getExpected().getValue()).isEqualTo("SAFETY");
            assertThat(reason.getActual().getValue()).isEqualTo("none");
        }

        @Test
        void promptRatingsCountWhenThereIsNoCandidate() {
            assertThat(failure(matcher("safety: {max: MEDIUM}"), answerJson(PROMPT_BLOCKED))
                            .getMessage())
                    .contains("HARM_CATEGORY_DANGEROUS_CONTENT was HIGH");
        }

        @Test
        void combinedKeysAreAllChecked() {
            Matcher both = matcher("safety: {max: HIGH, blocked: false}");
            assertThat(both.description()).isEqualTo("safety max HIGH, blocked false");
            assertThat(failure(both, answerJson(CANDIDATE_BLOCKED))).isNotNull();
        }

        @Test
        void badArguments() {
            MatcherDefinitionException level = definitionError("safety: {max: SEVERE}");
            assertThat(level.getMessage())
                    .contains("'SEVERE' is not a valid harm probability")
                    .contains("NEGLIGIBLE, LOW, MEDIUM, HIGH");
            assertThat(level.pointer()).isEqualTo("/safety/max");
            MatcherDefinitionException category = definitionError("safety: {HARM_CATEGORY_SWEARING: LOW}");
            assertThat(category.getMessage()).contains("unknown key 'HARM_CATEGORY_SWEARING'");
            assertThat(category.pointer()).isEqualTo("/safety/HARM_CATEGORY_SWEARING");
            assertThat(definitionError("safety: {blockReason: RUDE}").getMessage())
                    .contains("not a valid block reason");
            assertThat(definitionError("safety: {blocked: maybe}").getMessage()).contains("true or false");
            assertThat(definitionError("safety: LOW").getMessage()).contains("needs a map");
        }
    }

    @Nested
    class FinishReasonMatcher {

        @Test
        void passesAndFails() {
            assertThat(failure(matcher("finishReason: STOP"), answer("ok"))).isNull();
            assertThat(failure(matcher("finishReason: [MAX_TOKENS, STOP]"), answer("ok")))
                    .isNull();
            AssertionFailedError error = failure(matcher("finishReason: MAX_TOKENS"), answer("ok"));
            assertThat(error.getMessage())
                    .startsWith("[finishReason MAX_TOKENS]")
                    .contains("Expected the finish reason to be MAX_TOKENS but was STOP");
            assertThat(error.getExpected().getValue()).isEqualTo("MAX_TOKENS");
            assertThat(error.getActual().getValue()).isEqualTo("STOP");
        }

        @Test
        void noCandidate() {
            assertThat(failure(matcher("finishReason: STOP"), answerJson(PROMPT_BLOCKED))
                            .getMessage())
                    .contains("but was no candidate, the prompt was blocked for SAFETY");
        }

        @Test
        void badArguments() {
            MatcherDefinitionException error = definitionError("finishReason: STOPPED");
            assertThat(error.getMessage())
                    .contains("'STOPPED' is not a valid finish reason")
                    .contains("STOP, MAX_TOKENS");
            assertThat(definitionError("finishReason: [STOP, NOPE]").pointer()).isEqualTo("/finishReason/1");
            assertThat(definitionError("finishReason:").getMessage()).contains("needs a finish reason");
        }
    }

    @Nested
    class LatencyMatcher {

        static final String OK =
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"ok\"}]},\"finishReason\":\"STOP\"}]}";

        @Test
        void totalLatency() {
            ModelAnswer slow = answerJson(OK, Duration.ofMillis(2500), null);
            assertThat(failure(matcher("latency: 3s"), slow)).isNull();
            assertThat(failure(matcher("latency: {maxMs: 2500}"), slow)).isNull();
            AssertionFailedError error = failure(matcher("latency: {max: 2s}"), slow);
            assertThat(error.getMessage()).startsWith("[latency max 2s]").contains("within 2s but it took 2.5s");
            assertThat(error.getExpected().getValue()).isEqualTo("<= 2s");
            assertThat(error.getActual().getValue()).isEqualTo("2.5s");
            assertThat(failure(matcher("latency: {max: 1.5s}"), slow)).isNotNull();
            assertThat(failure(matcher("latency: {max: PT1M}"), slow)).isNull();
        }

        @Test
        void firstChunkWhenStreamedOrWholeAnswerOtherwise() {
            ModelAnswer streamed = answerJson(OK, Duration.ofMillis(2500), Duration.ofMillis(300));
            assertThat(failure(matcher("latency: {firstChunkMax: 500ms}"), streamed))
                    .isNull();
            assertThat(failure(matcher("latency: {firstChunkMaxMs: 200}"), streamed)
                            .getMessage())
                    .contains("first chunk within 200ms but it took 300ms");
            ModelAnswer notStreamed = answerJson(OK, Duration.ofMillis(2500), null);
            assertThat(failure(matcher("latency: {firstChunkMax: 500ms}"), notStreamed)
                            .getMessage())
                    .contains("(not streamed: time of the whole answer)");
        }

        @Test
        void badArguments() {
            assertThat(definitionError("latency: {max: 2000}").getMessage()).contains("needs a unit");
            assertThat(definitionError("latency: {max: soon}").getMessage()).contains("must be a duration");
            assertThat(definitionError("latency: {maxMs: -1}").getMessage()).contains("at least 1");
            assertThat(definitionError("latency: {max: 1s, maxMs: 1000}").getMessage())
                    .contains("not both");
            assertThat(definitionError("latency: {min: 1s}").pointer()).isEqualTo("/latency/min");
            assertThat(definitionError("latency: 0s").getMessage()).contains("must be positive");
        }
    }

    @Nested
    class TokensMatcher {

        @Test
        void limits() {
            ModelAnswer answer = answer("ok"); // 12 prompt, 5 output, 17 total
            assertThat(failure(matcher("tokens: {maxPrompt: 12, maxOutput: 5, maxTotal: 17}"), answer))
                    .isNull();
            AssertionFailedError error = failure(matcher("tokens: {maxOutput: 4}"), answer);
            assertThat(error.getMessage())
                    .startsWith("[tokens maxOutput 4]")
                    .contains("at most 4 output tokens but the call used 5");
            assertThat(error.getExpected().getValue()).isEqualTo("<= 4");
            assertThat(error.getActual().getValue()).isEqualTo("5");
            assertThat(failure(matcher("tokens: {maxPrompt: 11}"), answer)).isNotNull();
            assertThat(failure(matcher("tokens: {maxTotal: 16}"), answer)).isNotNull();
        }

        @Test
        void everyLimitIsCheckedAndEveryViolationReported() {
            AssertionFailedError error =
                    failure(matcher("tokens: {maxPrompt: 10, maxOutput: 5, maxTotal: 16}"), answer("ok"));
            assertThat(error.getMessage())
                    .startsWith("[tokens maxPrompt 10, maxOutput 5, maxTotal 16] 2 checks failed:")
                    .contains("at most 10 prompt tokens but the call used 12")
                    .contains("at most 16 total tokens but the call used 17");
            assertThat(error.getExpected().getValue()).isEqualTo("<= 10\n<= 16");
            assertThat(error.getActual().getValue()).isEqualTo("12\n17");
        }

        @Test
        void missingUsageFails() {
            ModelAnswer answer = answerJson("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"ok\"}]}}]}");
            assertThat(failure(matcher("tokens: {maxTotal: 100}"), answer).getMessage())
                    .contains("has no usageMetadata");
        }

        @Test
        void badArguments() {
            assertThat(definitionError("tokens: {maxOutput: many}").getMessage())
                    .contains("whole number");
            assertThat(definitionError("tokens: {maxOutput: 2.5}").getMessage()).contains("whole number");
            assertThat(definitionError("tokens: {maxWords: 3}").getMessage())
                    .contains("allowed: maxPrompt, maxOutput, maxTotal");
            assertThat(definitionError("tokens: 5").getMessage()).contains("needs at least one of");
        }
    }
}
