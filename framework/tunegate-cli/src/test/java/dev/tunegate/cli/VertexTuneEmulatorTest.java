package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.client.GeminiClient;
import dev.tunegate.emulator.GeminiEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tune --vertex} and {@code checkpoints} against the standalone emulator, offline end to end: the local JSONL
 * lands in the emulator's Cloud Storage directory, the job trains one checkpoint per epoch, and every checkpoint's
 * endpoint in the table answers {@code generateContent}.
 */
class VertexTuneEmulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private GeminiEmulator emulator;

    @BeforeEach
    void start() {
        emulator = GeminiEmulator.builder()
                .port(0)
                .tuningStepMillis(0)
                .gcsDir(dir.resolve("gcs"))
                .build()
                .start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    /** The CLI's Gemini API training examples, written in the Vertex AI Gemini format. */
    private Path vertexTrainingFile() throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("src/test/resources/data/train.jsonl"))) {
            JsonNode example = JSON.readTree(line);
            ObjectNode out = JSON.createObjectNode();
            var contents = out.putArray("contents");
            contents.addObject()
                    .put("role", "user")
                    .putArray("parts")
                    .addObject()
                    .put("text", example.get("textInput").asText());
            contents.addObject()
                    .put("role", "model")
                    .putArray("parts")
                    .addObject()
                    .put("text", example.get("output").asText());
            jsonl.append(out).append('\n');
        }
        return Files.writeString(dir.resolve("triage.jsonl"), jsonl);
    }

    @Test
    void aLocalFileBecomesAJobWhoseCheckpointsAllAnswer() throws IOException {
        Path data = vertexTrainingFile();
        Cli.Result tuned = Cli.run(
                "tune",
                "--vertex",
                "--endpoint",
                emulator.baseUrl(),
                "--project",
                "demo",
                "--data",
                data.toString(),
                "--staging-bucket",
                "stage",
                "--base-model",
                "gemini-2.5-flash",
                "--display-name",
                "triage",
                "--epochs",
                "4",
                "--timeout",
                "PT2M");
        assertThat(tuned.exitCode()).as(tuned.toString()).isZero();
        Matcher uploaded = Pattern.compile("Uploaded .* to gs://stage/(tunegate/staging/[0-9a-f]{16}-triage\\.jsonl)")
                .matcher(tuned.out());
        assertThat(uploaded.find()).as(tuned.out()).isTrue();
        assertThat(dir.resolve("gcs/stage").resolve(uploaded.group(1))).hasSameBinaryContentAs(data);
        Matcher job = Pattern.compile("Tuning job (projects/demo/locations/us-central1/tuningJobs/\\d+)")
                .matcher(tuned.out());
        assertThat(job.find()).isTrue();
        assertThat(tuned.out())
                .contains("epoch 1 of 4: checkpoint")
                .contains("epoch 4 of 4: checkpoint")
                .contains("is JOB_STATE_SUCCEEDED");

        Cli.Result listed = Cli.run("checkpoints", "--endpoint", emulator.baseUrl(), job.group(1), "--json");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        JsonNode checkpoints = JSON.readTree(listed.out()).path("checkpoints");
        assertThat(checkpoints).hasSize(4);
        assertThat(checkpoints.get(3).path("default").asBoolean())
                .as("the last is the default")
                .isTrue();
        try (GeminiClient client = GeminiClient.builder()
                .vertexBaseUrl(emulator.baseUrl())
                .vertexWithoutCredentials()
                .build()) {
            for (JsonNode c : checkpoints) {
                assertThat(client.generateContent(
                                        c.path("endpoint").asText(), "Ticket: I want my money back for my order")
                                .text())
                        .as("checkpoint " + c.path("checkpointId").asText())
                        .isNotBlank();
            }
        }
        assertThat(List.of(
                        checkpoints.get(0).path("endpoint").asText(),
                        checkpoints.get(3).path("endpoint").asText()))
                .doesNotHaveDuplicates();
    }
}
