package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
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
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/**
 * Model-graded matchers ({@code judge}, {@code similar}, a third-party {@code JudgedMatcher}) nested in
 * {@code not}, {@code all} and {@code any}, through the engine and the emulator, which answers the model under
 * test from a behaviour file and plays judge and embedder: the three-valued verdict never lies (an inconclusive
 * or erroneous judge is never turned into a pass), nested judge calls go through the pipeline (recorded,
 * replayed without an HTTP call, counted as judge tokens) and reports count them under their path.
 */
class NestedModelGradedChecksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANSWER = "We apologise for the delay. Your refund arrives within fourteen days.";

    @TempDir
    Path dir;

    private GeminiEmulator emulator;

    @BeforeEach
    void start() throws IOException {
        emulator = emulator(dir);
    }

    /** An emulator whose models/gemini-2.0-flash answers {@link #ANSWER} to a prompt about a refund. */
    static GeminiEmulator emulator(Path dir) throws IOException {
        Path behaviour = dir.resolve("behaviour.json");
        Files.writeString(
                behaviour,
                "{\"rules\": [{\"pattern\": \"refund|order\", \"response\": \"" + ANSWER
                        + "\", \"models\": [\"models/gemini-2.0-flash\"]}]}");
        return GeminiEmulator.builder().port(0).behaviourFile(behaviour).build().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Path suite(String cases) throws IOException {
        Path suites = Files.createDirectories(dir.resolve("suites"));
        Path file = suites.resolve("nested.eval.yaml");
        Files.writeString(
                file,
                "suite: nested\n"
                        + "models:\n"
                        + "  v1: {model: models/gemini-2.0-flash}\n"
                        + "generationConfig: {temperature: 0}\n"
                        + "safetySettings: [{category: HARM_CATEGORY_HARASSMENT, threshold: BLOCK_NONE}]\n"
                        + "cases:\n"
                        + cases);
        return file;
    }

    private EngineExecutionResults run(Path suite, String mode) {
        return run(emulator, dir, suite, mode);
    }

    /** Runs {@code suite} against the emulator (models/gemini-1.5-pro judges) in {@code mode}, reports in dir. */
    static EngineExecutionResults run(GeminiEmulator emulator, Path dir, Path suite, String mode) {
        return EngineTestKit.engine("tunegate")
                .selectors(selectFile(suite.toFile()))
                .configurationParameter("tunegate.endpoint", emulator.baseUrl())
                .configurationParameter("tunegate.judge.model", "models/gemini-1.5-pro")
                .configurationParameter("tunegate.mode", mode)
                .configurationParameter(
                        "tunegate.cassettes", dir.resolve("cassettes").toString())
                .configurationParameter("tunegate.project-root", dir.toString())
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("reports").toString())
                .configurationParameter("tunegate.allure.enabled", "false")
                .execute();
    }

    private JsonNode summary() throws IOException {
        return JSON.readTree(dir.resolve("reports/tunegate/summary.json").toFile());
    }

    @Test
    void notAllAndAnyCombineTheVerdictsOfNestedJudges() throws IOException {
        EngineExecutionResults results = run(
                suite("  - id: not-of-a-fail-passes\n"
                        + "    prompt: Where is my refund?\n"
                        + "    expect: [{not: {judge: Offers a discount voucher}}]\n"
                        + "  - id: not-of-a-pass-fails\n"
                        + "    prompt: Where is my refund?\n"
                        + "    expect: [{not: {judge: Apologises for the delay}}]\n"
                        + "  - id: all-with-a-fail-fails\n"
                        + "    prompt: Where is my refund?\n"
                        + "    expect: [{all: [{judge: Apologises for the delay}, {judge: Offers a discount voucher}]}]\n"
                        + "  - id: any-with-a-pass-passes\n"
                        + "    prompt: Where is my refund?\n"
                        + "    expect: [{any: [{judge: Offers a discount voucher}, {not: {all: [{contains: refund},"
                        + " {judge: Offers a discount voucher}]}}]}]\n"
                        + "  - id: not-of-a-dissimilar-passes\n"
                        + "    prompt: Where is my refund?\n"
                        + "    expect: [{not: {similar: {to: Offers a discount voucher, min: 0.9}}}]\n"),
                "record");

        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1, event(test(), displayName("nested › not-of-a-fail-passes [v1]"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("nested › not-of-a-pass-fails [v1]"),
                                finishedWithFailure(
                                        instanceOf(AssertionFailedError.class),
                                        message(m -> m.contains("Expected the answer not to satisfy: judge")))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("nested › all-with-a-fail-fails [v1]"),
                                finishedWithFailure(message(m -> m.contains("1 of 2 nested matchers failed")
                                        && m.contains("the judge's verdict is FAIL")))))
                .haveExactly(
                        1, event(test(), displayName("nested › any-with-a-pass-passes [v1]"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(test(), displayName("nested › not-of-a-dissimilar-passes [v1]"), finishedSuccessfully()));

        JsonNode graded = summary().at("/suites/0/modelGraded");
        assertThat(counts(graded))
                .as("nested judges are counted under their path: " + graded)
                .containsEntry("not/judge", Map.of("FAIL", 1, "PASS", 1))
                .containsEntry("all/0/judge", Map.of("PASS", 1))
                .containsEntry("all/1/judge", Map.of("FAIL", 1))
                .containsEntry("any/0/judge", Map.of("FAIL", 1))
                .containsEntry("any/1/not/all/1/judge", Map.of("FAIL", 1))
                .containsEntry("not/similar", Map.of("FAIL", 1))
                .doesNotContainKeys("not", "all", "any");
        assertThat(graded.at("/variants/0/judgeTokens").asLong())
                .as("the nested judge calls are counted as judge tokens")
                .isPositive();
        assertThat(graded.get("verdicts").toString())
                .as("every nested verdict is reported with the judge's reasoning")
                .contains("\"matcher\":\"all/1/judge\"")
                .contains("covers 0 of 1");
        assertThat(Files.readString(dir.resolve("reports/tunegate/compare.html")))
                .as("compare.html shows every nested verdict with its reasoning next to the answer")
                .contains("/all/1/judge: judge FAIL (score 0.000): covers 0 of 1");

        emulator.reset();
        EngineExecutionResults replayed = run(dir.resolve("suites/nested.eval.yaml"), "replay");
        assertThat(((Number) emulator.stats().get("totalRequests")).longValue())
                .as("a replayed run re-grades nothing and calls nothing: "
                        + emulator.stats().get("requests"))
                .isZero();
        assertThat(outcomes(replayed)).isEqualTo(outcomes(results));
    }

    @Test
    void anInconclusiveNestedJudgeIsInconclusiveUnderNotAllAndAnyNeverAPass() throws IOException {
        String split = "{judge: {rubric: 'Apologises for the delay. Offers a discount voucher.', samples: 2,"
                + " temperature: 2}}";
        EngineExecutionResults results = run(
                suite("  - id: not-inconclusive\n"
                        + "    prompt: Where is my refund?\n"
                        + "    expect: [{not: " + split + "}]\n"
                        + "  - id: all-inconclusive\n"
                        + "    prompt: Where is my refund?\n"
                        + "    expect: [{all: [{contains: refund}, " + split + "]}]\n"
                        + "  - id: any-inconclusive\n"
                        + "    prompt: Where is my refund?\n"
                        + "    expect: [{any: [{contains: voucher}, " + split + "]}]\n"
                        + "  - id: all-fail-wins\n"
                        + "    prompt: Where is my refund?\n"
                        + "    expect: [{all: [{contains: voucher}, " + split + "]}]\n"
                        + "  - id: any-pass-wins\n"
                        + "    prompt: Where is my refund?\n"
                        + "    expect: [{any: [{contains: refund}, " + split + "]}]\n"),
                "record");

        for (String id : new String[] {"not-inconclusive", "all-inconclusive", "any-inconclusive"}) {
            results.testEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    test(),
                                    displayName("nested › " + id + " [v1]"),
                                    finishedWithFailure(message(m -> m.contains("is inconclusive")
                                            && m.contains("an inconclusive verdict is not a pass")))));
        }
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("nested › all-fail-wins [v1]"),
                                finishedWithFailure(message(m -> m.contains("1 of 2 nested matchers failed")))))
                .haveExactly(1, event(test(), displayName("nested › any-pass-wins [v1]"), finishedSuccessfully()));
        String summary = Files.readString(dir.resolve("reports/tunegate/summary.json"));
        assertThat(summary)
                .as("the inconclusive not is flagged as such on its case")
                .contains("\"inconclusive\" : true");
    }

    @Test
    void aJudgeThatCannotGradeIsAnErrorUnderNotAllAndAnyNeverAPass() throws IOException {
        // the prompt is answered (BLOCK_NONE for the model under test), but the judge's request, which
        // quotes it, is blocked by the default safety settings: the judge cannot grade
        String blocked = "{judge: Apologises for the delay}";
        EngineExecutionResults results = run(
                suite("  - id: not-error\n"
                        + "    prompt: Where is my refund, you idiot?\n"
                        + "    expect: [{not: " + blocked + "}]\n"
                        + "  - id: any-error\n"
                        + "    prompt: Where is my refund, you idiot?\n"
                        + "    expect: [{any: [{contains: voucher}, {not: " + blocked + "}]}]\n"
                        + "  - id: all-error\n"
                        + "    prompt: Where is my refund, you idiot?\n"
                        + "    expect: [{all: [{contains: refund}, " + blocked + "]}]\n"),
                "record");

        for (String id : new String[] {"not-error", "any-error", "all-error"}) {
            results.testEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    test(),
                                    displayName("nested › " + id + " [v1]"),
                                    finishedWithFailure(
                                            instanceOf(JudgeGradingException.class),
                                            message(m -> m.contains("could not be graded")
                                                    && m.contains("the judge's answer was blocked")
                                                    && m.contains("never a pass")))));
        }
        JsonNode checks = summary().at("/suites/0/modelGraded/variants/0/checks");
        assertThat(checks.toString()).contains("\"matcher\":\"not/judge\"").contains("\"ERROR\":1");
    }

    @Test
    void aNestedPairwiseIsADiscoveryErrorPointingIntoTheNesting() throws IOException {
        Path file = suite("  - id: compared\n"
                + "    prompt: Where is my refund?\n"
                + "    expect:\n"
                + "      - not: {any: [{contains: voucher}, {pairwise: {against: v1, rubric: Kinder}}]}\n");
        assertThat(EngineTestKit.engine("tunegate")
                        .selectors(selectFile(file.toFile()))
                        .configurationParameter("tunegate.project-root", dir.toString())
                        .discover()
                        .getDiscoveryIssues())
                .extracting(DiscoveryIssue::message)
                .anyMatch(m -> m.contains("nested.eval.yaml:10:9")
                        && m.contains("pairwise: a pairwise comparison can only be an entry of expect: itself")
                        && m.contains("(at /not/any/1/pairwise)"));
    }

    /** Per matcher name (path), the summed counts of each status over the variant's checks. */
    static Map<String, Map<String, Integer>> counts(JsonNode graded) {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        graded.at("/variants/0/checks")
                .forEach(c -> c.get("counts")
                        .properties()
                        .forEach(e -> counts.computeIfAbsent(c.get("matcher").asText(), k -> new TreeMap<>())
                                .merge(e.getKey(), e.getValue().asInt(), Integer::sum)));
        return counts;
    }

    /** Each finished test's status by display name. */
    static Map<String, TestExecutionResult.Status> outcomes(EngineExecutionResults results) {
        return results.testEvents().finished().stream()
                .collect(Collectors.toMap(
                        e -> e.getTestDescriptor().getDisplayName(),
                        e -> e.getPayload(TestExecutionResult.class)
                                .orElseThrow()
                                .getStatus(),
                        (a, b) -> a,
                        TreeMap::new));
    }
}
