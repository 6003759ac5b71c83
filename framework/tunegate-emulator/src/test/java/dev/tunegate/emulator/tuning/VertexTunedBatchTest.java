package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Vertex AI batch prediction job of a tuned model resource answers from what the model learned. */
class VertexTunedBatchTest {
    private static final String PARENT = "/v1/projects/demo/locations/us-central1/";

    @Test
    void aTunedModelResourceAnswersABatchLikeItsEndpoint(@TempDir Path gcs) throws Exception {
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                .port(0)
                .tuningStepMillis(0)
                .gcsDir(gcs)
                .batchDelay(Duration.ZERO)
                .deploy("77", "tunedModels/support-batch")
                .build()
                .start()) {
            RawApi api = new RawApi(emulator.baseUrl());
            ObjectNode body = RawApi.supportIntents();
            body.put("baseModel", "models/gemini-2.5-flash");
            RawApi.Response created = api.post("/v1beta/tunedModels?tunedModelId=support-batch", body);
            api.awaitDone(created.json().get("name").asText(), Duration.ofSeconds(30));
            ObjectMapper json = new ObjectMapper();
            ObjectNode line = json.createObjectNode().put("key", "k1");
            line.set("request", RawApi.ask("I want a refund for my order"));
            assertThat(api.post("/upload/storage/v1/b/staging/o?uploadType=media&name=in.jsonl", line.toString())
                            .status())
                    .isEqualTo(200);
            String job =
                    "{\"displayName\":\"t\",\"model\":\"projects/demo/locations/us-central1/models/support-batch@1\","
                            + "\"inputConfig\":{\"instancesFormat\":\"jsonl\",\"gcsSource\":{\"uris\":[\"gs://staging/in.jsonl\"]}},"
                            + "\"outputConfig\":{\"predictionsFormat\":\"jsonl\",\"gcsDestination\":{\"outputUriPrefix\":\"gs://staging/o\"}}}";
            RawApi.Response made = api.post(PARENT + "batchPredictionJobs", job);
            assertThat(made.status()).as(made.json().toString()).isEqualTo(200);

            JsonNode done = api.get("/v1/" + made.json().get("name").asText()).json();

            assertThat(done.get("state").asText()).isEqualTo("JOB_STATE_SUCCEEDED");
            String dir = done.at("/outputInfo/gcsOutputDirectory").asText().substring("gs://".length());
            JsonNode out = json.readTree(Files.readString(gcs.resolve(dir).resolve("predictions.jsonl")));
            RawApi.Response online =
                    api.post(PARENT + "endpoints/77:generateContent", RawApi.ask("I want a refund for my order"));
            assertThat(out.get("key").asText()).isEqualTo("k1");
            assertThat(out.at("/response/candidates/0/content/parts/0/text").asText())
                    .isEqualTo("{\"intent\":\"refund\"}")
                    .isEqualTo(RawApi.text(online));
        }
    }
}
