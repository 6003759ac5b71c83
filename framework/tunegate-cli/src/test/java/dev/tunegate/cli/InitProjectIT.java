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
 * Maven, against the snapshot that this build installed into target/it-repo: the suites must run. Everything
 * else comes from the outer build's local repository first (Central only for the few POMs the outer build never
 * needed, e.g. the descriptors of versions that its BOMs replace).
 */
class InitProjectIT {

    @TempDir
    Path dir;

    @Test
    void readmePomBuildsAndRunsTheSuites() throws Exception {
        assumeTrue(
                FreshProject.available(),
                "runs in the integration-test execution, after the snapshot is installed into target/it-repo");
        Path project = FreshProject.create(dir, "my-evals");
        Cli.Result maven = FreshProject.mvn(project, "-q", "test");
        String output = maven.out();
        assertThat(maven.exitCode()).as(output).isZero();
        assertThat(output).doesNotContain("SLF4J");

        File report = project.resolve("target/surefire-reports/TEST-evals.EvalSuitesTest.xml")
                .toFile();
        assertThat(report).as(output).exists();
        assertThat(Files.readString(report.toPath())).containsPattern("tests=\"[1-9][0-9]*\"");
        assertThat(project.resolve("reports/tunegate/summary.json")).exists();
    }
}
