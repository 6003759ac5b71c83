package dev.tunegate.engine;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The matchers of the tests in the look-ahead window are evaluated as their answers arrive, several
 * at once and off the test thread, which then only reports outcomes already decided, in file order.
 */
class ParallelJudgingTest {

    @TempDir
    Path dir;

    @Test
    void theMatchersOfTwoTestsRunAtTheSameTime() throws IOException {
        String group = UUID.randomUUID().toString();
        Path suite = dir.resolve("pair.eval.yaml");
        Files.writeString(
                suite,
                String.join(
                        "\n",
                        "models:",
                        "  echo: {model: models/echo}",
                        "cases:",
                        "  - id: first",
                        "    prompt: one",
                        "    expect:",
                        "      - meets: {group: '" + group + "', size: 2}",
                        "  - id: second",
                        "    prompt: two",
                        "    expect:",
                        "      - meets: {group: '" + group + "', size: 2}",
                        ""));
        EngineExecutionResults results = assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                        .selectors(selectFile(suite.toFile()))
                        .configurationParameter("tunegate.matcher.timeout", "PT30S")
                        .configurationParameter("tunegate.project-root", dir.toString())
                        .configurationParameter(
                                "tunegate.reports.dir", dir.resolve("reports").toString())
                        .execute(),
                "the run finishes");
        // one check waiting for the other on the test thread would fail after 10 s
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(3).failed(0)); // two cases and the gate
        org.assertj.core.api.Assertions.assertThat(results.testEvents().finished().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName())
                        .toList())
                .containsSubsequence("pair › first [echo]", "pair › second [echo]");
    }
}
