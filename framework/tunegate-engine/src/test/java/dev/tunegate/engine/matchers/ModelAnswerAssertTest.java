package dev.tunegate.engine.matchers;

import static dev.tunegate.engine.matchers.TuneGateAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tunegate.client.model.BlockReason;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.HarmCategory;
import dev.tunegate.client.model.HarmProbability;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The AssertJ entry point as a user's Java test would use it. */
class ModelAnswerAssertTest extends MatcherTestSupport {

    @Test
    void chainsOnAGoodAnswer() {
        assertThat(answer("{\"intent\": \"refund\"}"))
                .hasCandidate()
                .textIsJson()
                .textContains("refund")
                .textContainsIgnoringCase("INTENT")
                .textMatches("^\\{.*\\}$")
                .hasJsonText(yaml("{intent: refund}"))
                .textMatchesJsonSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                        .getSchema("{\"required\": [\"intent\"]}"))
                .finishedWith(FinishReason.STOP)
                .isNotBlocked()
                .hasSafetyAtMost(HarmProbability.NEGLIGIBLE)
                .hasSafetyAtMost(HarmCategory.HARM_CATEGORY_HARASSMENT, HarmProbability.LOW)
                .respondedWithin(Duration.ofSeconds(1))
                .firstChunkWithin(Duration.ofSeconds(1))
                .usedAtMostPromptTokens(12)
                .usedAtMostOutputTokens(5)
                .usedAtMostTotalTokens(17);
    }

    @Test
    void failuresCarryExpectedAndActualAndTheUsersDescription() {
        assertThatThrownBy(() -> assertThat(answer("cancel")).as("intent").hasText("refund"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageStartingWith("[intent] ")
                .hasMessageContaining("Expected the answer text to be:\n  \"refund\"\nbut was:\n  \"cancel\"");
        assertThatThrownBy(() -> assertThat(answerJson(ResponseMatchersTest.PROMPT_BLOCKED))
                        .hasCandidate())
                .hasMessageContaining("returned none, the prompt was blocked for SAFETY");
        assertThatThrownBy(() -> assertThat(answerJson(ResponseMatchersTest.PROMPT_BLOCKED))
                        .hasBlockReason(BlockReason.OTHER))
                .hasMessageContaining("it was blocked for SAFETY");
    }

    @Test
    void percentSignsInTextsDoNotBreakMessages() {
        assertThatThrownBy(() -> assertThat(answer("100%n sure %s")).hasText("50%"))
                .hasMessageContaining("\"100%n sure %s\"")
                .hasMessageContaining("\"50%\"");
    }

    @Test
    void modelAnswerAccessors() {
        ModelAnswer answer = answerJson("""
        {"candidates":[{"content":{"parts":[{"text":"a"},{"text":"b"}]},"finishReason":"MAX_TOKENS"}],
         "promptFeedback":{"safetyRatings":[{"category":"HARM_CATEGORY_HARASSMENT","probability":"LOW"}]}}
        """);
        org.assertj.core.api.Assertions.assertThat(answer.text()).isEqualTo("ab");
        org.assertj.core.api.Assertions.assertThat(answer.finishReason()).contains(FinishReason.MAX_TOKENS);
        org.assertj.core.api.Assertions.assertThat(answer.blockReason()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(answer.blocked()).isFalse();
        org.assertj.core.api.Assertions.assertThat(answer.ratings()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(answer.promptRatings()).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(answer.timeToFirstChunk()).isEmpty();
        ModelAnswer empty = answerJson("{}");
        org.assertj.core.api.Assertions.assertThat(empty.text()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(empty.hasCandidate()).isFalse();
        org.assertj.core.api.Assertions.assertThat(empty.usage()).isEmpty();
        assertThatThrownBy(() -> new ModelAnswer(empty.response(), Duration.ofMillis(-1), null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
