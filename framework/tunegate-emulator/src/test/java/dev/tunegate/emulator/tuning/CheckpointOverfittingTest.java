package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over-training is real and observable on the example project's data
 * ({@code example-suites/src/test/resources/suites/data/skyline-support.train.jsonl}, 24 support
 * answers about a thermostat, and {@code skyline-checkpoint-cases.jsonl}, 12 held-out paraphrases plus 12
 * general-knowledge questions): across the checkpoints of one Vertex tuning job, accuracy on the
 * training domain rises with the epochs while accuracy on general questions falls once the learned
 * answers start to capture them, so the best checkpoint is neither the first nor the last. Nothing is
 * scripted per checkpoint: each endpoint answers from the learner's state at the end of its epoch.
 */
class CheckpointOverfittingTest {
    private static final Path DATA = Path.of("../../example-suites/src/test/resources/suites/data");

    @TempDir
    Path gcs;

    @Test
    void theBestCheckpointOfTheExampleDataIsNeitherTheFirstNorTheLast() throws Exception {
        Path bucket = gcs.resolve("skyline-data");
        Files.createDirectories(bucket);
        Files.copy(DATA.resolve("skyline-support.train.jsonl"), bucket.resolve("train.jsonl"));
        List<JsonNode> cases = new ArrayList<>();
        for (String line : Files.readAllLines(DATA.resolve("skyline-checkpoint-cases.jsonl"))) {
            if (!line.isBlank()) {
                cases.add(RawApi.JSON.readTree(line));
            }
        }
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                .port(0)
                .tuningStepMillis(0)
                .gcsDir(gcs)
                .build()
                .start()) {
            RawApi api = new RawApi(emulator.baseUrl());
            ObjectNode body = VertexTuningServiceTest.job("gs://skyline-data/train.jsonl", 8);
            body.with("supervisedTuningSpec").with("hyperParameters").put("learningRateMultiplier", 2.0);
            String name = api.post(VertexTuningServiceTest.V1 + "tuningJobs", body)
                    .json()
                    .path("name")
                    .asText();
            JsonNode job = VertexTuningServiceTest.awaitEnd(api, name, Duration.ofSeconds(60));
            JsonNode checkpoints = job.at("/tunedModel/checkpoints");
            assertThat(checkpoints).hasSize(8);

            int[] domain = new int[8];
            int[] general = new int[8];
            for (int i = 0; i < 8; i++) {
                String endpoint = checkpoints.get(i).path("endpoint").asText();
                for (JsonNode c : cases) {
                    String answer = RawApi.text(api.post(
                            "/v1/" + endpoint + ":generateContent",
                            RawApi.ask(c.path("prompt").asText())));
                    JsonNode expect = c.at("/expect/0");
                    boolean passed = expect.has("equals")
                            ? answer.equals(expect.get("equals").asText())
                            : answer.contains(expect.get("contains").asText());
                    if (passed && c.at("/tags/0").asText().equals("skyline")) {
                        domain[i]++;
                    } else if (passed) {
                        general[i]++;
                    }
                }
            }
            String curve =
                    "domain " + java.util.Arrays.toString(domain) + ", general " + java.util.Arrays.toString(general);
            System.out.println("checkpoint curve: " + curve);
            // the training domain is learned epoch by epoch
            for (int i = 1; i < 8; i++) {
                assertThat(domain[i]).as(curve).isGreaterThanOrEqualTo(domain[i - 1]);
            }
            assertThat(domain[0])
                    .as("after one epoch nothing is learned yet: " + curve)
                    .isZero();
            assertThat(domain[7]).as(curve).isGreaterThanOrEqualTo(10);
            // general questions are answered by the base model until the learned answers capture them
            assertThat(general[0]).as(curve).isEqualTo(12);
            assertThat(general[7]).as("over-trained: " + curve).isLessThanOrEqualTo(4);
            int firstDrop = 1;
            while (firstDrop < 8 && general[firstDrop] >= general[firstDrop - 1]) {
                firstDrop++;
            }
            for (int i = firstDrop; i < 8; i++) {
                assertThat(general[i]).as(curve).isLessThanOrEqualTo(general[i - 1]);
            }
            int best = 0;
            for (int i = 1; i < 8; i++) {
                if (domain[i] + general[i] > domain[best] + general[best]) {
                    best = i;
                }
            }
            assertThat(best).as("best checkpoint index in " + curve).isBetween(1, 6);
            assertThat(domain[best] + general[best])
                    .as(curve)
                    .isGreaterThan(domain[0] + general[0])
                    .isGreaterThan(domain[7] + general[7]);
        }
    }
}
