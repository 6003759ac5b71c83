package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Gemini API's batch mode over HTTP: batchGenerateContent with inline requests, batches/{id}. */
class BatchTest {

    private static final String BATCH = """
            {"batch": {"displayName": "two", "inputConfig": {"requests": {"requests": [
              {"request": {"contents": [{"parts": [{"text": "What is 2 + 2?"}]}]}, "metadata": {"key": "a"}},
              {"request": {"contents": []}, "metadata": {"key": "b"}}]}}}}
            """;

    @Test
    void aBatchIsAnsweredByTheNormalModelsOnceItsDelayHasPassed() throws Exception {
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                .port(0)
                .batchDelay(Duration.ZERO)
                .build()
                .start()) {
            Http http = new Http(emulator.baseUrl());
            HttpResponse<String> created = http.post("/v1beta/models/gemini-1.5-flash-001:batchGenerateContent", BATCH);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            String name = Http.JSON.readTree(created.body()).get("name").asText();
            assertThat(name).startsWith("batches/");

            JsonNode batch = Http.JSON.readTree(http.get("/v1beta/" + name).body());

            assertThat(batch.get("done").asBoolean()).isTrue();
            assertThat(batch.at("/metadata/state").asText()).isEqualTo("BATCH_STATE_SUCCEEDED");
            assertThat(batch.at("/metadata/batchStats/successfulRequestCount").asText())
                    .isEqualTo("1");
            assertThat(batch.at("/metadata/batchStats/failedRequestCount").asText())
                    .isEqualTo("1");
            JsonNode results = batch.at("/response/inlinedResponses/inlinedResponses");
            JsonNode single = http.generate(
                    "gemini-1.5-flash-001", "{\"contents\":[{\"parts\":[{\"text\":\"What is 2 + 2?\"}]}]}");
            assertThat(results.get(0).get("response").at("/candidates/0/content"))
                    .as("the same answer as generateContent")
                    .isEqualTo(single.at("/candidates/0/content"));
            assertThat(results.get(0).at("/metadata/key").asText()).isEqualTo("a");
            assertThat(results.get(1).at("/error/code").asInt())
                    .as("an invalid request fails alone")
                    .isEqualTo(400);
            assertThat(emulator.stats().get("requests").toString())
                    .contains("models.batchGenerateContent", "batches.get");
        }
    }

    @Test
    void aBatchIsPendingUntilItsDelayAndBrokenBatchesAre4xx() throws Exception {
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                .port(0)
                .batchDelay(Duration.ofDays(1))
                .build()
                .start()) {
            Http http = new Http(emulator.baseUrl());
            String name = Http.JSON
                    .readTree(http.post("/v1beta/models/gemini-1.5-flash-001:batchGenerateContent", BATCH)
                            .body())
                    .get("name")
                    .asText();

            JsonNode batch = Http.JSON.readTree(http.get("/v1beta/" + name).body());

            assertThat(batch.get("done").asBoolean()).isFalse();
            assertThat(batch.at("/metadata/state").asText()).isEqualTo("BATCH_STATE_PENDING");
            assertThat(batch.at("/metadata/batchStats/pendingRequestCount").asText())
                    .isEqualTo("2");
            assertThat(batch.has("response")).isFalse();
            for (String broken : new String[] {
                "{", "{}", "{\"batch\": {}}", "{\"batch\": {\"inputConfig\": {\"requests\": {\"requests\": [{}]}}}}"
            }) {
                assertThat(http.post("/v1beta/models/gemini-1.5-flash-001:batchGenerateContent", broken)
                                .statusCode())
                        .as(broken)
                        .isEqualTo(400);
            }
            assertThat(http.get("/v1beta/batches/nope").statusCode()).isEqualTo(404);
            assertThat(http.post("/v1beta/batches/" + name.substring(8), "{}").statusCode())
                    .isBetween(400, 499);
        }
    }
}
