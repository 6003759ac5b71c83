package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under Maven Surefire a discovery issue of a broken suite is printed once, not three times (Surefire's scan,
 * then the execution's discovery logged by the suite engine's launcher and by its nested launcher).
 */
class DiscoveryIssueOnceIT {

    @TempDir
    Path dir;

    @Test
    void aBrokenSuiteIsReportedOnceUnderSurefire() throws Exception {
        assumeTrue(
                FreshProject.available(),
                "runs in the integration-test execution, after the snapshot is installed into target/it-repo");
        Path project = FreshProject.create(dir, "broken-evals");
        Files.writeString(project.resolve("src/test/resources/suites/broken.eval.yaml"), """
                suite: broken
                models:
                  base: models/gemini-1.5-flash-001
                cases:
                  - id: one
                    prompt: "Say hi"
                    expect:
                      - noSuchMatcherHere: 1
                """);
        Cli.Result maven = FreshProject.mvn(project, "test");
        String output = maven.out();
        assertThat(maven.exitCode()).as("the broken suite fails the build").isNotZero();
        assertThat(output.lines().filter(line -> line.contains("issue during test discovery")))
                .as(output)
                .hasSize(1);
        assertThat(output.lines()
                        .filter(line ->
                                line.contains("[WARNING]") && line.contains("unknown matcher 'noSuchMatcherHere'")))
                .as(output)
                .hasSize(1);
        assertThat(output)
                .as("the failed suite still carries the message")
                .contains("Suite suites/broken.eval.yaml cannot run");
    }
}
