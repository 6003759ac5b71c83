package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.model.ListVertexTuningJobsResponse;
import dev.tunegate.client.model.StorageObject;
import dev.tunegate.client.model.VertexCheckpoint;
import dev.tunegate.client.model.VertexHyperParameters;
import dev.tunegate.client.model.VertexSupervisedTuningSpec;
import dev.tunegate.client.model.VertexTuningJob;
import dev.tunegate.emulator.GeminiEmulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TuneGate's own client ({@code client.cloudStorage()}, {@code client.vertexTuningJobs()}) against the
 * emulator: upload, create, await with progress, list, and every checkpoint's endpoint answers, so the
 * client's wire types and the emulator's JSON agree.
 */
class VertexTuningClientInteropTest {

    @TempDir
    Path gcs;

    @Test
    void theClientUploadsCreatesAwaitsAndCallsEveryCheckpoint() {
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                        .port(0)
                        .tuningStepMillis(1)
                        .gcsDir(gcs)
                        .build()
                        .start();
                GeminiClient client = GeminiClient.builder()
                        .baseUrl(emulator.baseUrl())
                        .apiKey(() -> null)
                        .vertexBaseUrl(emulator.baseUrl())
                        .vertexProject("demo")
                        .vertexLocation("us-central1")
                        .vertexWithoutCredentials()
                        .operationPolling(Duration.ofMillis(10), Duration.ofMillis(50))
                        .build()) {
            StorageObject train = client.cloudStorage()
                    .upload(
                            "interop",
                            "support/train.jsonl",
                            VertexTuningServiceTest.supportJsonl().getBytes(StandardCharsets.UTF_8),
                            "application/jsonl");
            assertThat(train.gsUri()).isEqualTo("gs://interop/support/train.jsonl");

            VertexTuningJob job = client.vertexTuningJobs()
                    .create(VertexTuningJob.supervised(
                            "gemini-2.5-flash",
                            new VertexSupervisedTuningSpec(
                                    train.gsUri(), null, VertexHyperParameters.of(3L, 1.0, "ADAPTER_SIZE_FOUR"), false),
                            "interop",
                            null,
                            Map.of("tunegate-content-hash", "0123abcd")));
            List<String> states = new ArrayList<>();
            VertexTuningJob done = client.vertexTuningJobs()
                    .await(job, j -> states.add(String.valueOf(j.state())), Duration.ofSeconds(60), () -> false);

            assertThat(done.succeeded()).as(done.toString()).isTrue();
            assertThat(states).isNotEmpty();
            assertThat(done.labelMap()).containsEntry("tunegate-content-hash", "0123abcd");
            List<VertexCheckpoint> checkpoints = done.tunedModel().checkpointList();
            assertThat(checkpoints).extracting(VertexCheckpoint::epoch).containsExactly(1L, 2L, 3L);
            assertThat(done.tunedModel().defaultCheckpoint()).hasValue(checkpoints.get(2));
            for (VertexCheckpoint c : checkpoints) {
                assertThat(client.generateContent(c.endpoint(), "I need a refund")
                                .text())
                        .isNotBlank();
            }
            assertThat(done.tunedModel().endpoint())
                    .isEqualTo(checkpoints.get(2).endpoint());
            ListVertexTuningJobsResponse listed = client.vertexTuningJobs().list(null, null, 10, null);
            assertThat(listed.tuningJobs()).extracting(VertexTuningJob::name).containsExactly(done.name());
            assertThat(client.vertexTuningJobs().get(done.name())).isEqualTo(done);
        }
    }
}
