package dev.tunegate.examples;

import static dev.tunegate.engine.matchers.TuneGateAssertions.assertThat;

import dev.tunegate.client.model.FinishReason;
import dev.tunegate.engine.jupiter.Chat;
import dev.tunegate.engine.jupiter.Gate;
import dev.tunegate.engine.jupiter.ModelTest;
import dev.tunegate.engine.jupiter.ModelUnderTest;
import dev.tunegate.engine.jupiter.TuneGateEval;
import dev.tunegate.engine.jupiter.Variant;
import dev.tunegate.engine.matchers.ModelAnswer;
import org.junit.jupiter.api.Tag;

/**
 * An evaluation written in Java: a two-turn refund conversation whose second ticket quotes the model's first
 * answer, something a YAML case cannot say. It runs on the same three variants as the YAML suites (the tuned ones
 * are created from the same training files), and its gate decides like theirs; its cases appear in the same
 * summary.json, summary.md, compare.html and Allure report.
 */
@TuneGateEval(suite = "refund-conversation", generationConfig = "{\"temperature\": 0, \"maxOutputTokens\": 64}")
@Variant(name = "base", model = "models/gemini-1.5-flash-001")
@Variant(
        name = "v1",
        model = "tunedModels/support-triage-v1",
        tuneBaseModel = "models/gemini-1.5-flash-001-tuning",
        trainingData = "suites/data/support-triage.v1.train.jsonl",
        hyperparameters = "{\"epochCount\": 5, \"batchSize\": 4}")
@Variant(
        name = "v2",
        model = "tunedModels/support-triage-v2",
        tuneBaseModel = "models/gemini-1.5-flash-001-tuning",
        trainingData = "suites/data/support-triage.v2.train.jsonl",
        hyperparameters = "{\"epochCount\": 3, \"batchSize\": 4}")
@Gate(candidate = "v2", baseline = "v1", maxRegressions = 0, mustPass = "critical")
class RefundConversationEvalTest {

    @ModelTest
    @Tag("critical")
    @Tag("multi-turn")
    void refundAfterLateDelivery(ModelUnderTest model) {
        Chat chat = model.chat();
        ModelAnswer first = chat.send("Ticket: my order has not arrived");
        assertThat(first).finishedWith(FinishReason.STOP).textIsJson();

        ModelAnswer second = chat.send(
                "Ticket: you answered " + first.text() + " but it finally came and it is broken, I want my money back");
        assertThat(second).finishedWith(FinishReason.STOP).hasText("{\"intent\":\"refund\"}");
    }
}
