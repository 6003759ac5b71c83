package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Suites with one name would collide in the reports: a discovery issue naming every file (issue 15, item 4). */
class DuplicateSuiteNamesTest {

    @TempDir
    Path dir;

    @Test
    void suitesSharingANameAreReportedWithEveryFileAndLineAndDoNotRun() throws IOException {
        Path suites = Files.createDirectories(dir.resolve("suites"));
        suite(suites.resolve("first.eval.yaml"), "# the support suite", "suite: support");
        suite(suites.resolve("second.eval.yaml"), "suite: support");
        suite(suites.resolve("support.eval.yaml")); // named after its file
        suite(suites.resolve("other.eval.yaml"), "suite: other");

        EngineDiscoveryResults discovered = kit(suites).discover();
        List<DiscoveryIssue> issues = discovered.getDiscoveryIssues();
        assertThat(issues)
                .hasSize(3)
                .allSatisfy(issue -> assertThat(issue.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING));
        DiscoveryIssue first = issueAbout(issues, "first.eval.yaml:2:1: ");
        assertThat(first.message())
                .contains(
                        "suite name 'support' is also used by",
                        "second.eval.yaml:1:1",
                        "support.eval.yaml:1:1 (the name is its file name)")
                .doesNotContain("first.eval.yaml:2:1 ");
        assertThat(first.source().orElseThrow())
                .isInstanceOfSatisfying(
                        FileSource.class,
                        s -> assertThat(s.getPosition())
                                .map(FilePosition::getLine)
                                .contains(2));
        assertThat(issueAbout(issues, "second.eval.yaml:1:1: ").message())
                .contains("first.eval.yaml:2:1", "support.eval.yaml:1:1");
        assertThat(issueAbout(issues, "support.eval.yaml:1:1: ").message())
                .contains("first.eval.yaml:2:1", "second.eval.yaml:1:1");
        assertThat(discovered.getEngineDescriptor().getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .as("the three clashing suites stay (broken), the other suite keeps its cases")
                .hasSize(4)
                .contains("other");

        EngineExecutionResults results = kit(suites).execute();
        assertThat(results.testEvents().finished().stream()
                        .map(e -> e.getTestDescriptor().getDisplayName())
                        .toList())
                .as("only the other suite's case and gate tests run")
                .containsExactlyInAnyOrder("other › hello [echo]", "other › gate [echo]");
        assertThat(results.testEvents().failed().count()).isZero();
        List<Event> failedSuites = results.containerEvents().failed().list();
        assertThat(failedSuites)
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.getPayload(TestExecutionResult.class)
                                .flatMap(TestExecutionResult::getThrowable)
                                .orElseThrow())
                        .hasMessageContaining("suite name 'support' is also used by"));
    }

    private static DiscoveryIssue issueAbout(List<DiscoveryIssue> issues, String place) {
        return issues.stream()
                .filter(i -> i.message().contains(place))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no issue at " + place + " in " + issues));
    }

    private EngineTestKit.Builder kit(Path suites) {
        return EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .selectors(selectDirectory(suites.toFile()))
                .configurationParameter("tunegate.project-root", dir.toString())
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("reports").toString());
    }

    private static void suite(Path file, String... head) throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of(head));
        lines.addAll(List.of(
                "models:",
                "  echo: {model: models/echo}",
                "cases:",
                "  - id: hello",
                "    prompt: hello",
                "    expect:",
                "      - contains: hello",
                ""));
        Files.writeString(file, String.join("\n", lines));
    }
}
