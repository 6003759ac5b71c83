package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds a fresh project from the README alone: the pom of "Add TuneGate to your Maven project" and the Java eval
 * of "Evals in Java" (both copied verbatim), nothing else. {@code mvn test} must run the eval on both variants and
 * its gate test through the Jupiter engine, and write the class's cases into summary.json.
 */
class JavaEvalProjectIT {

    @TempDir
    Path dir;

    @Test
    void readmeJavaEvalRunsOnEveryVariantWithItsGate() throws Exception {
        assumeTrue(
                FreshProject.available(),
                "runs in the integration-test execution, after the snapshot is installed into target/it-repo");
        Path project = Files.createDirectories(dir.resolve("my-java-evals"));
        Files.writeString(project.resolve("pom.xml"), ReadmePom.text());
        Path source = project.resolve("src/test/java/com/example/ArithmeticEvalTest.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, javaEval());

        Cli.Result maven = FreshProject.mvn(project, "test");
        String output = maven.out();
        assertThat(maven.exitCode()).as(output).isZero();

        Path report = project.resolve("target/surefire-reports/TEST-com.example.ArithmeticEvalTest.xml");
        assertThat(report).as(output).exists();
        String xml = Files.readString(report);
        // Surefire names template invocations method(params)[n]: v1, v2, then the gate test
        assertThat(xml).contains("tests=\"3\"").contains("failures=\"0\"").contains("errors=\"0\"");
        assertThat(xml).contains("followUpQuotesTheFirstAnswer(ModelUnderTest)[3]");
        String summary = Files.readString(project.resolve("reports/tunegate/summary.json"));
        assertThat(summary)
                .contains("\"location\" : \"class:com.example.ArithmeticEvalTest\"")
                .contains("\"id\" : \"followUpQuotesTheFirstAnswer\"")
                .contains("\"name\" : \"v2\"");
    }

    /** The Java eval of the README's "Evals in Java", between its marker comments. */
    private static String javaEval() throws Exception {
        return ReadmePom.block("tunegate-java-eval", "java");
    }
}
