package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
                System.getProperty("tunegate.it.repo") != null,
                "runs in the integration-test execution, after the snapshot is installed into target/it-repo");
        Path project = Files.createDirectories(dir.resolve("my-java-evals"));
        Files.writeString(project.resolve("pom.xml"), ReadmePom.text());
        Path source = project.resolve("src/test/java/com/example/ArithmeticEvalTest.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, javaEval());

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

        Path report = project.resolve("target/surefire-reports/TEST-com.example.ArithmeticEvalTest.xml");
        assertThat(report).as(output).exists();
        String xml = Files.readString(report);
        // Surefire names template invocations method(params)[n]: v1, v2, then the gate test
        assertThat(xml).contains("tests=\"3\"").contains("failures=\"0\"").contains("errors=\"0\"");
        assertThat(xml).contains("followUpQuotesTheFirstAnswer(Model)[3]");
        String summary = Files.readString(project.resolve("reports/tunegate/summary.json"));
        assertThat(summary)
                .contains("\"location\" : \"class:com.example.ArithmeticEvalTest\"")
                .contains("\"id\" : \"followUpQuotesTheFirstAnswer\"")
                .contains("\"name\" : \"v2\"");
    }

    /** The Java eval of the README's "Evals in Java", between its marker comments. */
    private static String javaEval() throws Exception {
        String readme = Files.readString(ReadmePom.README);
        int begin = readme.indexOf("<!-- tunegate-java-eval:begin");
        int end = readme.indexOf("<!-- tunegate-java-eval:end -->");
        if (begin < 0 || end < begin) {
            throw new IllegalStateException(ReadmePom.README + " has no tunegate-java-eval:begin/end markers");
        }
        String block = readme.substring(readme.indexOf('\n', begin) + 1, end);
        String open = "```java\n";
        if (!block.startsWith(open) || !block.endsWith("```\n")) {
            throw new IllegalStateException("the README's Java eval between the markers is not one ```java block");
        }
        return block.substring(open.length(), block.length() - "```\n".length());
    }
}
