package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** A matcher that runs too long fails its check and the run goes on (issue 15, item 2). */
class MatcherTimeLimitTest {
    /** Catastrophic backtracking: C(40, 25) ways to place the 25 a's in a 40-character answer of a's. */
    private static final String HANGING_REGEX = "(.*a){25}x";

    @TempDir
    Path dir;

    @Test
    void aRegexThatBacktracksForeverFailsItsCheckAndTheOtherSuitesStillRun() throws IOException {
        writeSuites();
        Path reports = dir.resolve("reports");
        EngineExecutionResults results = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                        .selectors(selectDirectory(dir.resolve("suites").toFile()))
                        .configurationParameter("tunegate.matcher.timeout", "PT0.2S")
                        .configurationParameter("tunegate.project-root", dir.toString())
                        .configurationParameter("tunegate.reports.dir", reports.toString())
                        .execute(),
                "the run finishes");

        Map<String, TestExecutionResult> outcomes = results.testEvents().finished().stream()
                .collect(Collectors.toMap(
                        e -> e.getTestDescriptor().getDisplayName(),
                        e -> e.getPayload(TestExecutionResult.class).orElseThrow(),
                        (a, b) -> a,
                        TreeMap::new));
        assertThat(outcomes).containsKeys("slow › hang [echo]", "slow › fine [echo]", "healthy › hello [echo]");
        TestExecutionResult hang = outcomes.get("slow › hang [echo]");
        assertThat(hang.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
        assertThat(hang.getThrowable().orElseThrow().getMessage())
                .contains("regex /" + HANGING_REGEX + "/", "slow.eval.yaml:7", "PT0.2S", "tunegate.matcher.timeout");
        assertThat(outcomes.get("slow › fine [echo]").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(outcomes.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("healthy"))
                        .map(e -> e.getValue().getStatus()))
                .as("the healthy suite's case and gate tests")
                .hasSize(2)
                .containsOnly(TestExecutionResult.Status.SUCCESSFUL);

        JsonNode summary = new ObjectMapper()
                .readTree(reports.resolve("tunegate/summary.json").toFile());
        assertThat(summary.path("suites").findValuesAsText("name")).contains("slow", "healthy");
    }

    @Test
    void nestedQuantifiersAreAWarningAtDiscoveryNamingThePatternAndItsLine() throws IOException {
        writeSuites();
        List<DiscoveryIssue> issues = EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .selectors(selectFile(dir.resolve("suites/slow.eval.yaml").toFile()))
                .configurationParameter("tunegate.project-root", dir.toString())
                .discover()
                .getDiscoveryIssues();
        assertThat(issues).hasSize(1);
        DiscoveryIssue issue = issues.get(0);
        assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
        assertThat(issue.message())
                .contains("slow.eval.yaml:7:", "regex /" + HANGING_REGEX + "/", "(.*a){25}", "nested quantifiers");
        assertThat(issue.source().orElseThrow())
                .isInstanceOfSatisfying(
                        FileSource.class,
                        source -> assertThat(source.getPosition())
                                .map(FilePosition::getLine)
                                .contains(7));
    }

    private void writeSuites() throws IOException {
        Path suites = Files.createDirectories(dir.resolve("suites"));
        Files.writeString(
                suites.resolve("slow.eval.yaml"),
                String.join(
                        "\n",
                        "models:",
                        "  echo: {model: models/echo}",
                        "cases:",
                        "  - id: hang",
                        "    prompt: " + "a".repeat(40),
                        "    expect:",
                        "      - regex: '" + HANGING_REGEX + "'",
                        "  - id: fine",
                        "    prompt: hello",
                        "    expect:",
                        "      - contains: hello",
                        ""));
        Files.writeString(
                suites.resolve("healthy.eval.yaml"),
                String.join(
                        "\n",
                        "models:",
                        "  echo: {model: models/echo}",
                        "cases:",
                        "  - id: hello",
                        "    prompt: hello",
                        "    expect:",
                        "      - regex: '^hel+o$'",
                        ""));
    }
}
