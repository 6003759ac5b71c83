package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code tunegate.mode=batch} with a Vertex AI model: its calls go through one {@code batchPredictionJobs} job (input
 * uploaded to the staging bucket, output downloaded and mapped back by key) while the Gemini API model's go through
 * {@code :batchGenerateContent}; the verdicts equal the online run's, and the recorded batch run replays offline.
 */
class VertexBatchModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** An emulator whose batch jobs and prediction jobs finish after 300 ms, with Cloud Storage in the temp dir. */
    private GeminiEmulator emulator() {
        return GeminiEmulator.builder()
                .port(0)
                .gcsDir(dir.resolve("gcs"))
                .batchDelay(Duration.ofMillis(300))
                .build()
                .start();
    }

    /** The suite's own top-level {@code mode:} line, or empty. */
    private String suiteMode = "";

    private Path suite() throws IOException {
        Path file = dir.resolve("vertex-batch.eval.yaml");
        Files.writeString(file, suiteMode + """
                suite: vertex-batch
                models:
                  vertex: publishers/google/models/gemini-2.5-flash
                  gemini: models/gemini-1.5-flash-001
                cases:
                  - {id: two, prompt: "What is 2 + 2?", expect: [{finishReason: STOP}]}
                  - {id: hello, prompt: "Say hello", expect: [{finishReason: STOP}]}
                  - {id: thanks, prompt: "Say thank you", expect: [{contains: "no model says this"}]}
                  - {id: capital, prompt: "What is the capital of France?", expect: [{finishReason: STOP}]}
                """);
        return file;
    }

    private Path credentials;

    private EngineExecutionResults run(String endpoint, String mode, String reports) throws IOException {
        EngineTestKit.Builder kit = EngineTestKit.engine("tunegate")
                .selectors(selectFile(suite().toFile()))
                .configurationParameter("tunegate.endpoint", endpoint)
                .configurationParameter("tunegate.mode", mode)
                .configurationParameter(
                        "tunegate.cassettes", dir.resolve("cassettes").toString())
                .configurationParameter("tunegate.vertex.project", "demo")
                .configurationParameter("tunegate.vertex.staging-bucket", "gs://tunegate-batch")
                .configurationParameter("tunegate.tuning.poll-interval", "PT0.05S")
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve(reports).toString())
                .configurationParameter("tunegate.allure.enabled", "false");
        if (!endpoint.equals("embedded")) {
            kit.configurationParameter("tunegate.vertex.endpoint", endpoint)
                    .configurationParameter("tunegate.vertex.credentials", credentials.toString());
        }
        return kit.execute();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBatchRunSendsTheVertexCallsAsOneBatchPredictionJobAndGivesTheOnlineVerdicts() throws Exception {
        try (TokenServer tokens = new TokenServer("ya29.any");
                GeminiEmulator emulator = emulator()) {
            credentials = tokens.credentialsFile(dir);
            EngineExecutionResults online = run(emulator.baseUrl(), "live", "online");
            online.testEvents().assertStatistics(s -> s.succeeded(6).failed(2));
            emulator.reset();

            EngineExecutionResults batch = run(emulator.baseUrl(), "batch", "batch");

            batch.testEvents().assertStatistics(s -> s.succeeded(6).failed(2));
            Map<String, Map<String, Number>> requests =
                    (Map<String, Map<String, Number>>) emulator.stats().get("requests");
            assertThat(requests)
                    .as("batch calls only: " + requests)
                    .containsKeys(
                            "vertex.batchPredictionJobs.create",
                            "vertex.batchPredictionJobs.get",
                            "storage.objects.insert",
                            "models.batchGenerateContent")
                    .doesNotContainKeys("vertex.publisherModels.generateContent", "models.generateContent");
            assertThat(requests.get("vertex.batchPredictionJobs.create")
                            .get("200")
                            .intValue())
                    .as("one job for the suite's four Vertex calls")
                    .isEqualTo(1);
            try (Stream<Path> files = Files.walk(dir.resolve("gcs/tunegate-batch"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .as("the input and the output went through the staging bucket")
                        .contains("input.jsonl", "predictions.jsonl");
            }
        }
        assertThat(comparable("batch")).isEqualTo(comparable("online"));

        run("embedded", "replay", "replay")
                .testEvents()
                .assertStatistics(s -> s.succeeded(6).failed(2));
        assertThat(comparable("replay")).as("the batch run was recorded").isEqualTo(comparable("online"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSuitesModeBatchSendsItsVertexCallsAsABatchPredictionJobInALiveRun() throws Exception {
        suiteMode = "mode: batch\n";
        try (TokenServer tokens = new TokenServer("ya29.any");
                GeminiEmulator emulator = emulator()) {
            credentials = tokens.credentialsFile(dir);

            EngineExecutionResults batch = run(emulator.baseUrl(), "live", "batch");

            batch.testEvents().assertStatistics(s -> s.succeeded(6).failed(2));
            Map<String, Map<String, Number>> requests =
                    (Map<String, Map<String, Number>>) emulator.stats().get("requests");
            assertThat(requests)
                    .as("mode: batch wins over tunegate.mode=live, for the Vertex model too: " + requests)
                    .containsKeys("vertex.batchPredictionJobs.create", "models.batchGenerateContent")
                    .doesNotContainKeys("vertex.publisherModels.generateContent", "models.generateContent");
        }
    }

    /** The summary without run id, times, usage and retries. */
    private JsonNode comparable(String reports) throws IOException {
        ObjectNode summary = (ObjectNode) JSON.readTree(
                dir.resolve(reports).resolve("tunegate/summary.json").toFile());
        summary.remove(List.of("runId", "startedAt", "finishedAt"));
        for (JsonNode suite : summary.get("suites")) {
            for (JsonNode variant : suite.get("variants")) {
                ((ObjectNode) variant).remove(List.of("usage", "retries"));
            }
        }
        return summary;
    }
}
