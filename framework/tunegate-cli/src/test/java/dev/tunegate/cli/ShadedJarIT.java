package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tunegate.emulator.GeminiEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged target/tunegate.jar on its own: services merged, nothing missing from the shading. */
class ShadedJarIT {
    private static final Path JAR = Path.of("target/tunegate.jar");

    @TempDir
    Path work;

    @Test
    void runsSuitesWithTheEngineFromTheJar() throws Exception {
        Result passing = java(
                "run",
                "--reports",
                work.resolve("reports").toString(),
                Path.of("src/test/resources/suites/passing").toAbsolutePath().toString());
        assertThat(passing.code).as(passing.output).isZero();
        assertThat(passing.output)
                .containsPattern("greetings\\s+base\\s+2\\s+0")
                .contains("PASSED")
                .doesNotContain("SLF4J", "Exception");

        Result version = java("--version");
        assertThat(version.output).startsWith("tunegate ").doesNotContain("development build");
    }

    @Test
    void tuneThenListPrintsTheWholeTable() throws Exception {
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).tuningStepMillis(1).build().start()) {
            Result tune = java(
                    "tune",
                    "--endpoint",
                    emulator.baseUrl(),
                    "--id",
                    "jar-smoke",
                    "--epochs",
                    "1",
                    "--base-model",
                    "models/gemini-1.5-flash-001-tuning",
                    "--data",
                    Path.of("src/test/resources/data/train.jsonl")
                            .toAbsolutePath()
                            .toString());
            assertThat(tune.code).as(tune.output).isZero();
            assertThat(tune.output).contains("mean loss", "Tuned model tunedModels/jar-smoke is ACTIVE");

            Result list = java("models", "list", "--endpoint", emulator.baseUrl());
            assertThat(list.code).as(list.output).isZero();
            assertThat(list.output).containsPattern("tunedModels/jar-smoke\\s+ACTIVE");
        }
    }

    @Test
    void theScriptNextToTheJarUsesTheArchiveWhenItMatchesAndRunsSilentlyWithoutIt() throws Exception {
        Path script = Path.of("target/tunegate").toAbsolutePath();
        Path archive = Path.of("target/tunegate.jsa").toAbsolutePath();
        assumeTrue(Files.exists(script) && Files.exists(archive), "target/tunegate and its archive are not built yet");
        String suites =
                Path.of("src/test/resources/suites/passing").toAbsolutePath().toString();

        Result withArchive = command(script.toString(), "run", "-v", "--no-progress", suites);
        assertThat(withArchive.code).as(withArchive.output).isZero();
        assertThat(withArchive.output)
                .containsPattern("First result: [0-9]+\\.[0-9]{2} s after the JVM started")
                .contains("class-data sharing: " + archive.toRealPath() + " in use");

        // the same files elsewhere: the archive was made for the jar at its build path, so the JVM skips it
        Path moved = Files.createDirectories(work.resolve("moved"));
        for (String file : List.of("tunegate", "tunegate.jar", "tunegate.jsa")) {
            Files.copy(Path.of("target", file), moved.resolve(file), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        Result mismatched = command(moved.resolve("tunegate").toString(), "run", "-v", "--no-progress", suites);
        assertThat(mismatched.code).as(mismatched.output).isZero();
        assertThat(mismatched.output)
                .contains("tunegate.jsa not used (made by another JVM or for another tunegate.jar")
                .doesNotContain("[cds", "warning", "Exception");

        Files.delete(moved.resolve("tunegate.jsa"));
        Result without = command(moved.resolve("tunegate").toString(), "run", "-v", "--no-progress", suites);
        assertThat(without.code).as(without.output).isZero();
        assertThat(without.output).contains("PASSED", "class-data sharing: no archive given");
    }

    private Result java(String... args) throws IOException, InterruptedException {
        // run by the integration-test phase, after packaging; a -Dtest filter may also select it earlier
        assumeTrue(Files.exists(JAR), "target/tunegate.jar is not packaged yet");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return command(command.toArray(String[]::new));
    }

    private Result command(String... command) throws IOException, InterruptedException {
        Path log = work.resolve("out-" + System.nanoTime() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private record Result(int code, String output) {}
}
