package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutated and cut Vertex tuning-job requests (bodies, names, list parameters) get a 4xx, never a 5xx. */
class VertexTuningJobsFuzzTest {

    @TempDir
    Path gcs;

    @Test
    void mutatedTuningJobRequestsAreAnsweredWithoutServerErrors() throws Exception {
        Files.createDirectories(gcs.resolve("tuning-data"));
        Files.writeString(gcs.resolve("tuning-data/support.jsonl"), VertexTuningServiceTest.supportJsonl());
        Random random = new Random(11);
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                .port(0)
                .tuningStepMillis(0)
                .gcsDir(gcs)
                .build()
                .start()) {
            RawApi api = new RawApi(emulator.baseUrl());
            String v1 = VertexTuningServiceTest.V1;
            List<Integer> statuses = new ArrayList<>();
            String[] uris = {
                "gs://tuning-data/support.jsonl", "gs://tuning-data/", "gs://x/y", "gs://tuning-data/a//b",
                "gs://tuning-data/%2e%2e/x", "gs://TUNING/x", "tuning-data/support.jsonl", ""
            };
            for (int i = 0; i < 150; i++) {
                ObjectNode body = VertexTuningServiceTest.job(uris[random.nextInt(uris.length)], 1 + random.nextInt(3));
                TunedModelsFuzzTest.mutate(body, random, 1 + random.nextInt(3));
                String text = body.toString();
                if (random.nextInt(5) == 0) {
                    text = text.substring(0, random.nextInt(text.length()));
                }
                statuses.add(
                        switch (i % 3) {
                            case 0, 1 -> api.post(v1 + "tuningJobs", text).status();
                            default ->
                                api.get(v1 + "tuningJobs?pageSize=" + (random.nextInt(300) - 10) + "&pageToken="
                                                + List.of("", "AAA", "b2Zmc2V0Oi01", "%00")
                                                        .get(random.nextInt(4)))
                                        .status();
                        });
            }
            for (String odd :
                    new String[] {"tuningJobs/abc:cancel", "tuningJobs/:cancel", "tuningJobs/1/2", "tuningJobs/%2e%2e"
                    }) {
                statuses.add(api.post(v1 + odd, "{}").status());
                statuses.add(api.get(v1 + odd).status());
            }
            assertThat(statuses).allMatch(s -> s < 500, "no 5xx: " + statuses);
            assertThat(statuses).contains(200, 400, 404);
        }
    }
}
