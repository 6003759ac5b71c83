package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a fresh project from the README's pom (copied verbatim) and what {@code tunegate init} writes with
 * Maven ({@link ItMaven}): the suites must run.
 */
class InitProjectIT {

    @TempDir
    Path dir;

    @Test
    void readmePomBuildsAndRunsTheSuites() throws Exception {
        assumeTrue(
                System.getProperty("tunegate.it.repo") != null,
                "runs in the integration-test execution, after the snapshot is installed into target/it-repo");
        Path project = dir.resolve("my-evals");
        assertThat(Cli.run("init", project.toString()).exitCode()).isZero();
        Files.writeString(project.resolve("pom.xml"), ReadmePom.text());

        String output = ItMaven.run(project, dir, "-q", "test");
        assertThat(output).doesNotContain("SLF4J");

        File report = project.resolve("target/surefire-reports/TEST-evals.EvalSuitesTest.xml")
                .toFile();
        assertThat(report).as(output).exists();
        assertThat(Files.readString(report.toPath())).containsPattern("tests=\"[1-9][0-9]*\"");
        assertThat(project.resolve("reports/tunegate/summary.json")).exists();
    }
}
