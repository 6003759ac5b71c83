package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
                System.getProperty("tunegate.it.repo") != null,
                "runs in the integration-test execution, after the snapshot is installed into target/it-repo");
        Path project = dir.resolve("my-evals");
        assertThat(Cli.run("init", project.toString()).exitCode()).isZero();
        Files.writeString(project.resolve("pom.xml"), ReadmePom.text());

        Path settings = Files.writeString(dir.resolve("settings.xml"), """
                <settings><profiles><profile><id>outer</id>
                <repositories><repository><id>outer-local</id><url>%1$s</url></repository></repositories>
                <pluginRepositories><pluginRepository><id>outer-local</id><url>%1$s</url></pluginRepository>
                </pluginRepositories></profile></profiles><activeProfiles><activeProfile>outer</activeProfile>
                </activeProfiles></settings>
                """.formatted(
                        Path.of(System.getProperty("tunegate.it.outerRepo")).toUri()));
        String mvn = Path.of(System.getProperty("maven.home"), "bin", "mvn").toString();
        Path log = dir.resolve("mvn.log");
        Process maven = new ProcessBuilder(List.of(
                        mvn,
                        "-B",
                        "-q",
                        "-s",
                        settings.toString(),
                        "-Dmaven.repo.local="
                                + Path.of(System.getProperty("tunegate.it.repo"))
                                        .toAbsolutePath(),
                        "test"))
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(maven.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(maven.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("SLF4J");

        File report = project.resolve("target/surefire-reports/TEST-evals.EvalSuitesTest.xml")
                .toFile();
        assertThat(report).as(output).exists();
        assertThat(Files.readString(report.toPath())).containsPattern("tests=\"[1-9][0-9]*\"");
        assertThat(project.resolve("reports/tunegate/summary.json")).exists();
    }
}
