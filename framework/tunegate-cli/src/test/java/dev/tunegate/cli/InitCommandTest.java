package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesTheReadmeProjectWithAnExampleSuiteThatPasses() throws Exception {
        Path project = dir.resolve("my-evals");

        Cli.Result init = Cli.run("init", project.toString());

        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(Files.readString(project.resolve("pom.xml"))).isEqualTo(ReadmePom.text());
        assertThat(project.resolve("src/test/java/evals/EvalSuitesTest.java"))
                .content()
                .contains("@Suite", "@IncludeEngines(\"tunegate\")", "@SelectPackages(\"suites\")");
        assertThat(project.resolve("src/test/resources/junit-platform.properties"))
                .content()
                .contains("tunegate.discovery.as-root-engine=false");
        assertThat(project.resolve(".gitignore")).content().contains("reports/");

        Cli.Result run = Cli.run(
                "run",
                "--no-progress",
                "--reports",
                dir.resolve("reports").toString(),
                project.resolve("src/test/resources").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PROMOTE");
    }

    @Test
    void overwritesNothing() throws Exception {
        Path pom = Files.writeString(dir.resolve("pom.xml"), "<project/>");

        Cli.Result init = Cli.run("init", dir.toString());

        assertThat(init.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(init.err()).contains("overwrites nothing").contains(pom.toString());
        assertThat(pom).hasContent("<project/>");
        assertThat(dir.resolve("src")).doesNotExist();
    }
}
