package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.GeminiEmulator;
import dev.tunegate.engine.matchers.graded.JudgeGradingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * A third-party model-graded matcher ({@code onTopic}, {@code
 * dev.tunegate.engine.matchers.thirdparty.RubricAndTopicJudgeFactory}, registered in the test resources'
 * {@code META-INF/services}) through the public {@code JudgedMatcher} SPI, against the emulator as judge and
 * embedder: its calls go through the pipeline (recorded, replayed with no HTTP call, counted as judge tokens),
 * its verdicts are reported with their reasoning, and an exception in it is an ERROR, never a pass.
 */
class ThirdPartyJudgedMatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private GeminiEmulator emulator;

    @BeforeEach
    void start() throws IOException {
        emulator = NestedModelGradedChecksTest.emulator(dir);
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Path suite() throws IOException {
        Path file = Files.createDirectories(dir.resolve("suites")).resolve("plugged.eval.yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "suite: plugged",
                        "models:",
                        "  v1: {model: models/gemini-2.0-flash}",
                        "generationConfig: {temperature: 0}",
                        "cases:",
                        "  - id: passes",
                        "    prompt: Where is my refund?",
                        "    expect: [{onTopic: {rubric: Apologises for the delay, topic: refund delay}}]",
                        "  - id: fails",
                        "    prompt: Where is my refund?",
                        "    expect: [{onTopic: {rubric: Offers a discount voucher, topic: discount voucher}}]",
                        "  - id: nested",
                        "    prompt: Where is my refund?",
                        "    expect: [{not: {onTopic: {rubric: Offers a discount voucher, topic: voucher}}}]",
                        "  - id: explodes",
                        "    prompt: Where is my refund?",
                        "    expect: [{onTopic: {rubric: Apologises for the delay, topic: refund, explode: true}}]",
                        "  - id: explodes-under-not",
                        "    prompt: Where is my refund?",
                        "    expect: [{not: {onTopic: {rubric: Offers a voucher, topic: refund, explode: true}}}]",
                        ""));
        return file;
    }

    private EngineExecutionResults run(Path suite, String mode) {
        return NestedModelGradedChecksTest.run(emulator, dir, suite, mode);
    }

    @Test
    void aThirdPartyGradedMatcherIsGradedThroughThePipelineAndReplaysWithoutHttpCalls() throws IOException {
        Path suite = suite();
        EngineExecutionResults live = run(suite, "record");

        live.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test(), displayName("plugged › passes [v1]"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("plugged › fails [v1]"),
                                finishedWithFailure(message(m -> m.contains("[onTopic \"Offers a discount voucher\"]"
                                        + " the judge's verdict is FAIL. Reasoning: covers 0 of 1 criteria")))))
                .haveExactly(1, event(test(), displayName("plugged › nested [v1]"), finishedSuccessfully()));
        for (String id : new String[] {"explodes", "explodes-under-not"}) {
            live.testEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    test(),
                                    displayName("plugged › " + id + " [v1]"),
                                    finishedWithFailure(
                                            instanceOf(JudgeGradingException.class),
                                            message(m ->
                                                    m.contains("the grader exploded") && m.contains("never a pass")))));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> byEndpoint = (Map<String, Object>) emulator.stats().get("requests");
        assertThat(byEndpoint.keySet())
                .as("the matcher's judge prompts and embeddings reached the emulator")
                .anyMatch(e -> e.contains("generateContent"))
                .anyMatch(e -> e.contains("batchEmbedContents"));

        JsonNode graded = JSON.readTree(
                        dir.resolve("reports/tunegate/summary.json").toFile())
                .at("/suites/0/modelGraded");
        assertThat(graded.at("/variants/0/judgeTokens").asLong())
                .as("its calls are counted as judge calls: " + graded)
                .isPositive();
        assertThat(NestedModelGradedChecksTest.counts(graded))
                .containsEntry("onTopic", Map.of("ERROR", 1, "FAIL", 1, "PASS", 1))
                .containsEntry("not/onTopic", Map.of("ERROR", 1, "FAIL", 1));
        assertThat(graded.get("verdicts").toString())
                .as("its verdicts are reported with the judge's reasoning and the score")
                .contains("covers 1 of 1 criteria")
                .contains("cosine to the topic");

        emulator.reset();
        EngineExecutionResults replayed = run(suite, "replay");
        assertThat(((Number) emulator.stats().get("totalRequests")).longValue())
                .as("a replayed run calls nothing: " + emulator.stats().get("requests"))
                .isZero();
        assertThat(NestedModelGradedChecksTest.outcomes(replayed))
                .isEqualTo(NestedModelGradedChecksTest.outcomes(live));
        assertThat(JSON.readTree(dir.resolve("reports/tunegate/summary.json").toFile())
                        .at("/suites/0/modelGraded/variants/0/judgeTokens")
                        .asLong())
                .as("the replayed judge calls are counted the same")
                .isEqualTo(graded.at("/variants/0/judgeTokens").asLong());
    }
}
