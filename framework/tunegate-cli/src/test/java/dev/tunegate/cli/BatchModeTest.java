package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tunegate.mode=batch on the example suites: every call goes through :batchGenerateContent and
 * batches/{id} polling, the verdicts equal those of the online run, and the batch run is recorded, so
 * it replays offline with the same verdicts.
 */
class BatchModeTest {
    private static final String SUITES = "../../example-suites/src/test/resources/suites";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Cli.Result run(String endpoint, Path reports, String mode, Path cassettes) {
        return Cli.run(
                "run",
                "--no-progress",
                "--endpoint",
                endpoint,
                "--mode",
                mode,
                "--cassettes",
                cassettes.toString(),
                "--reports",
                reports.toString(),
                "-Dtunegate.tuning.poll-interval=PT0.05S",
                SUITES);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBatchRunUsesOnlyTheBatchApiAndGivesTheOnlineVerdicts() throws Exception {
        Path cassettes = dir.resolve("cassettes");
        Files.createDirectories(cassettes);
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                .port(0)
                .tuningStepMillis(1)
                .batchDelay(java.time.Duration.ofMillis(100))
                .build()
                .start()) {
            Cli.Result online = run(emulator.baseUrl(), dir.resolve("online"), "live", cassettes);
            assertThat(online.exitCode()).as(online.toString()).isZero();
            emulator.reset(); // the tuned models stay; the counters start again

            Cli.Result batch = run(emulator.baseUrl(), dir.resolve("batch"), "batch", cassettes);

            assertThat(batch.exitCode()).as(batch.toString()).isZero();
            Map<String, Object> requests =
                    (Map<String, Object>) emulator.stats().get("requests");
            assertThat(requests)
                    .as("only batch calls: " + requests)
                    .containsKeys("models.batchGenerateContent", "tunedModels.batchGenerateContent", "batches.get")
                    .doesNotContainKeys("models.generateContent", "tunedModels.generateContent");
        }
        assertThat(comparable(dir.resolve("batch"))).isEqualTo(comparable(dir.resolve("online")));

        Cli.Result replay = run("embedded", dir.resolve("replay"), "replay", cassettes);
        assertThat(replay.exitCode())
                .as("the batch run was recorded: " + replay)
                .isZero();
        assertThat(comparable(dir.resolve("replay"))).isEqualTo(comparable(dir.resolve("online")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSuitesModeDecidesBetweenBatchAndOnlineCallsAndWinsOverTheKey() throws Exception {
        String cases = """
                models:
                  base: {model: models/gemini-1.5-flash-001}
                generationConfig: {temperature: 0, maxOutputTokens: 64}
                cases:
                  - id: hello
                    prompt: "Say hello to Ada"
                    expect:
                      - finishReason: STOP
                  - id: weather
                    prompt: "Describe a sunny day in one sentence."
                    expect:
                      - finishReason: STOP
                """;
        Path batchSuite = Files.writeString(dir.resolve("batched.eval.yaml"), "suite: batched\nmode: batch\n" + cases);
        Path onlineSuite = Files.writeString(dir.resolve("online.eval.yaml"), "suite: online\nmode: online\n" + cases);
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                .port(0)
                .batchDelay(java.time.Duration.ofMillis(50))
                .build()
                .start()) {
            Cli.Result live = Cli.run(
                    "run",
                    "--no-progress",
                    "--endpoint",
                    emulator.baseUrl(),
                    "--reports",
                    dir.resolve("live").toString(),
                    "-Dtunegate.tuning.poll-interval=PT0.05S",
                    batchSuite.toString());
            assertThat(live.exitCode()).as(live.toString()).isZero();
            Map<String, Object> requests =
                    (Map<String, Object>) emulator.stats().get("requests");
            assertThat(requests)
                    .as("mode: batch in a live run: only batch calls " + requests)
                    .containsKeys("models.batchGenerateContent", "batches.get")
                    .doesNotContainKey("models.generateContent");
            emulator.reset();

            Cli.Result batchKey = Cli.run(
                    "run",
                    "--no-progress",
                    "--endpoint",
                    emulator.baseUrl(),
                    "--mode",
                    "batch",
                    "--cassettes",
                    dir.resolve("cassettes").toString(),
                    "--reports",
                    dir.resolve("key").toString(),
                    onlineSuite.toString());
            assertThat(batchKey.exitCode()).as(batchKey.toString()).isZero();
            requests = (Map<String, Object>) emulator.stats().get("requests");
            assertThat(requests)
                    .as("mode: online wins over tunegate.mode=batch " + requests)
                    .containsKey("models.generateContent")
                    .doesNotContainKey("models.batchGenerateContent");
        }
    }

    /** The summary without run id, times, latencies-dependent or usage fields. */
    private static JsonNode comparable(Path reports) throws Exception {
        ObjectNode summary = (ObjectNode)
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        summary.remove(List.of("runId", "startedAt", "finishedAt"));
        for (JsonNode suite : summary.get("suites")) {
            for (JsonNode variant : suite.get("variants")) {
                ((ObjectNode) variant).remove(List.of("usage", "retries"));
            }
        }
        return summary;
    }
}
