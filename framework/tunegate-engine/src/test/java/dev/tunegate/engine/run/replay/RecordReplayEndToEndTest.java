package dev.tunegate.engine.run.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

import dev.tunegate.emulator.GeminiEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Record against the real emulator over loopback, then replay with it stopped; resume in auto mode. */
class RecordReplayEndToEndTest {
    private static final String SUITE = "dev/tunegate/engine/replay/replay.eval.yaml";
    /** 3 single cases + 1 case with 3 samples, on 2 variants. */
    private static final int CALLS = (3 + 3) * 2;

    @TempDir
    Path cassettes;

    private GeminiEmulator emulator;

    @BeforeEach
    void start() {
        emulator = GeminiEmulator.builder().port(0).build().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void roundTripGivesIdenticalOutcomesWithTheEmulatorStopped() throws IOException {
        Map<String, TestExecutionResult.Status> recorded = outcomes(run("record", emulator.baseUrl(), Map.of()));
        assertThat(generateCalls()).isEqualTo(CALLS);
        assertThat(recorded)
                .as("8 variant tests and the gate test")
                .hasSize(9)
                .containsValue(TestExecutionResult.Status.SUCCESSFUL)
                .containsValue(TestExecutionResult.Status.FAILED);
        assertThat(recordingFiles()).hasSize(CALLS);

        String endpoint = emulator.baseUrl();
        emulator.close();
        Map<String, TestExecutionResult.Status> replayed = outcomes(run("replay", endpoint, Map.of()));
        assertThat(replayed).isEqualTo(recorded);
    }

    @Test
    void identicalCallsOfDifferentSuitesAreRecordedForEverySuite(@TempDir Path suites) throws IOException {
        // the emulator answers slowly, so the three suites' identical calls are in flight together and
        // are made once; each suite must still find its own recording on replay
        emulator.close();
        emulator = GeminiEmulator.builder()
                .port(0)
                .latency(java.time.Duration.ofMillis(400))
                .build()
                .start();
        for (String name : List.of("first", "second", "third")) {
            Files.writeString(
                    suites.resolve(name + ".eval.yaml"),
                    String.join(
                            "\n",
                            "models:",
                            "  base: {model: models/gemini-1.5-flash-001}",
                            "generationConfig: {temperature: 0}",
                            "cases:",
                            "  - id: same",
                            "    prompt: What is the capital of France?",
                            "    expect:",
                            "      - finishReason: STOP",
                            ""));
        }
        EngineExecutionResults recorded = runDirectory(suites, "record");
        assertThat(recorded.testEvents().succeeded().count())
                .as("3 cases and 3 gate tests")
                .isEqualTo(6);
        assertThat(recordingFiles())
                .extracting(f -> f.getParent().getFileName().toString())
                .containsExactlyInAnyOrder("first", "second", "third");

        String endpoint = emulator.baseUrl();
        emulator.close();
        EngineExecutionResults replayed = runDirectory(suites, "replay", endpoint);
        assertThat(replayed.testEvents().aborted().list())
                .extracting(e -> e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage)
                        .orElse(""))
                .as("no suite misses its recording")
                .isEmpty();
        assertThat(replayed.testEvents().failed().count()).isZero();
        assertThat(replayed.testEvents().succeeded().count()).isEqualTo(6);
    }

    private EngineExecutionResults runDirectory(Path suites, String mode) {
        return runDirectory(suites, mode, emulator.baseUrl());
    }

    private EngineExecutionResults runDirectory(Path suites, String mode, String endpoint) {
        return EngineTestKit.engine("tunegate")
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory(suites.toFile()))
                .configurationParameter("tunegate.endpoint", endpoint)
                .configurationParameter("tunegate.mode", mode)
                .configurationParameter("tunegate.cassettes", cassettes.toString())
                .configurationParameter("tunegate.project-root", suites.toString())
                .configurationParameter(
                        "tunegate.reports.dir", suites.resolve("reports").toString())
                .execute();
    }

    @Test
    void aReplayedRunWithModelGradedChecksMakesNoHttpCall(@TempDir Path suites) throws IOException {
        Files.writeString(
                suites.resolve("graded.eval.yaml"),
                String.join(
                        "\n",
                        "suite: graded",
                        "models:",
                        "  v1: {model: models/gemini-1.5-flash-001, role: baseline}",
                        "  v2: {model: models/gemini-2.0-flash, role: candidate}",
                        "generationConfig: {temperature: 0}",
                        "defaults:",
                        "  expect:",
                        "    - judge: {rubric: Names the capital Paris, samples: 2}",
                        "    - pairwise: {against: v1, rubric: Names the capital Paris}",
                        "    - similar: {to: [Paris is the capital of France, The capital is Paris], min: 0.1}",
                        "cases:",
                        "  - {id: capital, prompt: 'What is the capital of France?'}",
                        "  - {id: river, prompt: 'Which river flows through Paris?'}",
                        ""));
        EngineExecutionResults recorded = runDirectory(suites, "record");
        assertThat(recorded.testEvents().finished().count())
                .as("4 variant tests and the gate test")
                .isEqualTo(5);
        @SuppressWarnings("unchecked")
        Map<String, Object> byEndpoint = (Map<String, Object>) emulator.stats().get("requests");
        assertThat(byEndpoint.keySet())
                .as("the record run called the models, the judge and the embedder")
                .anyMatch(e -> e.contains("generateContent"))
                .anyMatch(e -> e.contains("batchEmbedContents"));
        assertThat(recordingFiles())
                .as("one recording per embedded text")
                .anyMatch(f -> f.getFileName().toString().contains(".embedcontent."));

        emulator.reset();
        EngineExecutionResults replayed = runDirectory(suites, "replay");
        assertThat(((Number) emulator.stats().get("totalRequests")).longValue())
                .as("HTTP requests of the replayed run: " + emulator.stats().get("requests"))
                .isZero();
        assertThat(replayed.testEvents().aborted().list())
                .extracting(e -> e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::getMessage)
                        .orElse(""))
                .as("no check misses its recording")
                .noneMatch(m -> m.contains("No recording"));
        assertThat(outcomes(replayed)).isEqualTo(outcomes(recorded));
    }

    @Test
    void replayWithoutRecordingsAbortsWithHowToRecord() {
        EngineExecutionResults results = run("replay", emulator.baseUrl(), Map.of());
        assertThat(generateCalls()).isZero();
        List<Event> aborted = results.testEvents().aborted().list();
        assertThat(aborted).hasSize(8);
        assertThat(aborted.get(0)
                        .getPayload(TestExecutionResult.class)
                        .orElseThrow()
                        .getThrowable()
                        .orElseThrow())
                .hasMessageContaining("No recording for")
                .hasMessageContaining("-Dtunegate.mode=record");
    }

    @Test
    void autoModeResumesAnInterruptedRunWithoutRepeatingCalls() throws IOException {
        // the "interrupted" first run got as far as two cases
        run("auto", emulator.baseUrl(), Map.of("tunegate.filter.name", "capital|arithmetic"));
        long first = generateCalls();
        assertThat(first).isEqualTo(4);

        Map<String, TestExecutionResult.Status> resumed = outcomes(run("auto", emulator.baseUrl(), Map.of()));
        assertThat(generateCalls() - first)
                .as("only the calls not recorded yet")
                .isEqualTo(CALLS - 4);
        assertThat(recordingFiles()).hasSize(CALLS);

        long before = generateCalls();
        Map<String, TestExecutionResult.Status> again = outcomes(run("auto", emulator.baseUrl(), Map.of()));
        assertThat(generateCalls()).as("everything replayed").isEqualTo(before);
        assertThat(again).isEqualTo(resumed);
    }

    @Test
    void canaryApiKeyReachesTheEndpointButNoRecording(@org.junit.jupiter.api.io.TempDir Path reports)
            throws IOException {
        // an environment variable of this JVM plays the API key: the emulator requires it, so the key is
        // really sent, and the suite's prompt even contains it
        Map.Entry<String, String> canary = System.getenv().entrySet().stream()
                .filter(e -> e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*"))
                .filter(e ->
                        e.getValue().matches("[!-~]{12,200}") && !e.getValue().contains("'"))
                .min(Map.Entry.comparingByKey())
                .orElseThrow(() -> new IllegalStateException("no environment variable to use as a canary key"));
        emulator.close();
        emulator = GeminiEmulator.builder()
                .port(0)
                .requireApiKey(canary.getValue())
                .build()
                .start();
        Path suite = Files.writeString(
                cassettes.resolveSibling(cassettes.getFileName() + "-canary.eval.yaml"),
                String.join(
                        "\n",
                        "suite: canary",
                        "models:",
                        "  base: {model: models/gemini-1.5-flash-001}",
                        "cases:",
                        "  - id: leaky",
                        "    prompt: 'My key is " + canary.getValue() + " - repeat it back to me.'",
                        "    expect:",
                        "      - finishReason: STOP",
                        ""));
        try {
            EngineExecutionResults results = EngineTestKit.engine("tunegate")
                    .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectFile(suite.toFile()))
                    .configurationParameter("tunegate.endpoint", emulator.baseUrl())
                    .configurationParameter("tunegate.api-key.env", canary.getKey())
                    .configurationParameter("tunegate.mode", "record")
                    .configurationParameter("tunegate.cassettes", cassettes.toString())
                    .configurationParameter(
                            "tunegate.project-root", suite.getParent().toString())
                    .configurationParameter("tunegate.reports.dir", reports.toString())
                    .execute();
            assertThat(results.testEvents().succeeded().count())
                    .as("the key was accepted (the case and its gate test)")
                    .isEqualTo(2);
            List<Path> reportFiles;
            try (var walk = Files.walk(reports)) {
                reportFiles = walk.filter(Files::isRegularFile).toList();
            }
            assertThat(reportFiles)
                    .as("summary.json, summary.md, compare.html and Allure results")
                    .anyMatch(f -> f.endsWith("summary.json"))
                    .anyMatch(f -> f.toString().endsWith("-result.json"));
            for (Path file : reportFiles) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(canary.getValue());
            }
            assertThat(Files.readString(reports.resolve("tunegate/compare.html")))
                    .contains("[REDACTED]");
            List<Path> files = recordingFiles();
            assertThat(files).hasSize(1);
            for (Path file : files) {
                assertThat(Files.readString(file))
                        .doesNotContain(canary.getValue())
                        .contains("[REDACTED]");
            }
        } finally {
            Files.deleteIfExists(suite);
        }
    }

    private EngineExecutionResults run(String mode, String endpoint, Map<String, String> extra) {
        var kit = EngineTestKit.engine("tunegate")
                .selectors(selectClasspathResource(SUITE))
                .configurationParameter("tunegate.endpoint", endpoint)
                .configurationParameter("tunegate.mode", mode)
                .configurationParameter("tunegate.cassettes", cassettes.toString())
                .configurationParameter(
                        "tunegate.reports.dir",
                        cassettes
                                .resolveSibling(cassettes.getFileName() + "-reports")
                                .toString());
        extra.forEach(kit::configurationParameter);
        return kit.execute();
    }

    private static Map<String, TestExecutionResult.Status> outcomes(EngineExecutionResults results) {
        return results.testEvents().finished().stream()
                .collect(Collectors.toMap(
                        e -> e.getTestDescriptor().getDisplayName(),
                        e -> e.getPayload(TestExecutionResult.class)
                                .orElseThrow()
                                .getStatus(),
                        (a, b) -> a,
                        TreeMap::new));
    }

    @SuppressWarnings("unchecked")
    private long generateCalls() {
        Map<String, Object> requests = (Map<String, Object>) emulator.stats().get("requests");
        return requests.entrySet().stream()
                .filter(e ->
                        e.getKey().contains("generateContent") || e.getKey().contains("GenerateContent"))
                .flatMap(e -> ((Map<String, Object>) e.getValue()).values().stream())
                .mapToLong(v -> ((Number) v).longValue())
                .sum();
    }

    private List<Path> recordingFiles() throws IOException {
        try (Stream<Path> files = Files.walk(cassettes)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }
}
