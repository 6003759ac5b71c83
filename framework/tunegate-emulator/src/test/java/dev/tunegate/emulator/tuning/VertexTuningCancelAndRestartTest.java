package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vertex AI tuning jobs that do not simply run to the end: a cancelled job, and jobs, checkpoints and
 * their endpoints across an emulator restart on the same data directory (a finished job keeps serving,
 * a job cut off by the stop is FAILED).
 */
class VertexTuningCancelAndRestartTest {
    private static final String V1 = VertexTuningServiceTest.V1;

    @TempDir
    Path dataDir;

    private GeminiEmulator start(long stepMillis) throws Exception {
        GeminiEmulator emulator = GeminiEmulator.builder()
                .port(0)
                .tuningStepMillis(stepMillis)
                .dataDir(dataDir)
                .build()
                .start();
        Path data = dataDir.resolve("gcs/tuning-data/support.jsonl");
        Files.createDirectories(data.getParent());
        Files.writeString(data, VertexTuningServiceTest.supportJsonl());
        return emulator;
    }

    @Test
    void aRunningJobIsCancelledAndACancelledJobCannotBeCancelledAgain() throws Exception {
        try (GeminiEmulator emulator = start(2_000)) {
            RawApi api = new RawApi(emulator.baseUrl());
            String name = api.post(V1 + "tuningJobs", VertexTuningServiceTest.job("gs://tuning-data/support.jsonl", 3))
                    .json()
                    .path("name")
                    .asText();
            RawApi.Response cancelled = api.post("/v1/" + name + ":cancel", "{}");
            assertThat(cancelled.status()).as(cancelled.json().toString()).isEqualTo(200);
            assertThat(cancelled.json().size()).isZero();
            JsonNode job = api.get("/v1/" + name).json();
            assertThat(job.path("state").asText()).isEqualTo("JOB_STATE_CANCELLED");
            assertThat(job.has("endTime")).isTrue();
            assertThat(job.has("tunedModel")).isFalse();
            RawApi.Response again = api.post("/v1/" + name + ":cancel", "{}");
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.errorStatus()).isEqualTo("FAILED_PRECONDITION");
        }
    }

    @Test
    void jobsCheckpointsAndEndpointsSurviveARestart() throws Exception {
        String name;
        JsonNode before;
        String answerBefore;
        String interrupted;
        try (GeminiEmulator emulator = start(0)) {
            RawApi api = new RawApi(emulator.baseUrl());
            name = api.post(V1 + "tuningJobs", VertexTuningServiceTest.job("gs://tuning-data/support.jsonl", 3))
                    .json()
                    .path("name")
                    .asText();
            before = VertexTuningServiceTest.awaitEnd(api, name, Duration.ofSeconds(30));
            assertThat(before.path("state").asText()).isEqualTo("JOB_STATE_SUCCEEDED");
            answerBefore = RawApi.text(api.post(
                    "/v1/" + before.at("/tunedModel/checkpoints/1/endpoint").asText() + ":generateContent",
                    RawApi.ask("I need a refund")));
        }
        try (GeminiEmulator emulator = start(60_000)) {
            RawApi api = new RawApi(emulator.baseUrl());
            JsonNode after = api.get("/v1/" + name).json();
            assertThat(after).isEqualTo(before);
            RawApi.Response answer = api.post(
                    "/v1/" + after.at("/tunedModel/checkpoints/1/endpoint").asText() + ":generateContent",
                    RawApi.ask("I need a refund"));
            assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
            assertThat(RawApi.text(answer)).isEqualTo(answerBefore);
            assertThat(api.get("/v1/" + after.at("/tunedModel/model").asText()).status())
                    .isEqualTo(200);
            interrupted = api.post(V1 + "tuningJobs", VertexTuningServiceTest.job("gs://tuning-data/support.jsonl", 3))
                    .json()
                    .path("name")
                    .asText();
        }
        try (GeminiEmulator emulator = start(0)) {
            JsonNode job =
                    new RawApi(emulator.baseUrl()).get("/v1/" + interrupted).json();
            assertThat(job.path("state").asText()).isEqualTo("JOB_STATE_FAILED");
            assertThat(job.at("/error/code").asInt()).isEqualTo(10);
            assertThat(job.at("/error/message").asText()).contains("interrupted because the emulator stopped");
        }
    }
}
