package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vertex AI batch inference over HTTP: {@code batchPredictionJobs} create, get, list and cancel; JSONL input read from
 * and output written to the Cloud Storage directory; the normal models answer; broken jobs are 400s naming the field.
 */
class BatchPredictionJobsTest {
    private static final String PARENT = "/v1/projects/p/locations/us-central1";
    private static final String INPUT = """
            {"key": "a", "request": {"contents": [{"role": "user", "parts": [{"text": "What is 2 + 2?"}]}]}}
            {"key": "b", "request": {"contents": [{"parts": [{"text": "no role"}]}]}}
            """;

    @TempDir
    Path gcs;

    private static String job(String model, String input, String output) {
        return "{\"displayName\": \"tunegate\", \"model\": \"" + model + "\", \"inputConfig\": {\"instancesFormat\":"
                + " \"jsonl\", \"gcsSource\": {\"uris\": [\"" + input
                + "\"]}}, \"outputConfig\": {\"predictionsFormat\":"
                + " \"jsonl\", \"gcsDestination\": {\"outputUriPrefix\": \"" + output + "\"}}}";
    }

    private GeminiEmulator start(Duration delay) {
        return GeminiEmulator.builder()
                .port(0)
                .gcsDir(gcs)
                .batchDelay(delay)
                .deploy("123", "models/gemini-1.5-flash-001")
                .build()
                .start();
    }

    private static HttpResponse<String> upload(Http http, String object, String content) {
        return http.post("/upload/storage/v1/b/staging/o?uploadType=media&name=" + object, content);
    }

    @Test
    void aJobAnswersEveryLineWithTheNormalModelAndWritesItsOutputUnderThePrefix() throws Exception {
        try (GeminiEmulator emulator = start(Duration.ZERO)) {
            Http http = new Http(emulator.baseUrl());
            assertThat(upload(http, "in.jsonl", INPUT).statusCode()).isEqualTo(200);
            HttpResponse<String> created = http.post(
                    PARENT + "/batchPredictionJobs",
                    job("publishers/google/models/gemini-1.5-flash-001", "gs://staging/in.jsonl", "gs://staging/out"));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            String name = Http.json(created.body()).get("name").asText();
            assertThat(name).matches("projects/p/locations/us-central1/batchPredictionJobs/[0-9]+");

            JsonNode done = Http.json(http.get("/v1/" + name).body());

            assertThat(done.get("state").asText()).isEqualTo("JOB_STATE_SUCCEEDED");
            assertThat(done.at("/completionStats/successfulCount").asText()).isEqualTo("1");
            assertThat(done.at("/completionStats/failedCount").asText()).isEqualTo("1");
            String dir = done.at("/outputInfo/gcsOutputDirectory").asText();
            assertThat(dir).startsWith("gs://staging/out/prediction-model-");
            Path file = gcs.resolve("staging").resolve(dir.substring("gs://staging/".length()) + "/predictions.jsonl");
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                lines.add(Http.json(line));
            }
            assertThat(lines).extracting(l -> l.get("key").asText()).containsExactly("a", "b");
            JsonNode single = Http.json(http.post(
                            PARENT + "/publishers/google/models/gemini-1.5-flash-001:generateContent",
                            "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"What is 2 + 2?\"}]}]}")
                    .body());
            assertThat(lines.get(0).at("/response/candidates/0/content"))
                    .as("the same answer as generateContent")
                    .isEqualTo(single.at("/candidates/0/content"));
            assertThat(lines.get(0).at("/request/contents/0/parts/0/text").asText())
                    .isEqualTo("What is 2 + 2?");
            assertThat(lines.get(1).has("response")).isFalse();
            assertThat(lines.get(1).get("status").asText())
                    .as("Vertex requires roles")
                    .contains("role");
            JsonNode requests = Http.JSON.valueToTree(emulator.stats().get("requests"));
            assertThat(requests.has("vertex.batchPredictionJobs.create")).isTrue();
            assertThat(requests.has("vertex.batchPredictionJobs.get")).isTrue();
            assertThat(requests.path("vertex.publisherModels.generateContent")
                            .path("200")
                            .asInt())
                    .as("only the one online call")
                    .isEqualTo(1);
        }
    }

    @Test
    void aPendingJobIsListedAndCancelled() throws Exception {
        try (GeminiEmulator emulator = start(Duration.ofDays(1))) {
            Http http = new Http(emulator.baseUrl());
            upload(http, "in.jsonl", INPUT);
            String name = Http.json(http.post(
                                    PARENT + "/batchPredictionJobs",
                                    job(
                                            "projects/p/locations/us-central1/publishers/google/models/gemini-1.5-flash-001",
                                            "gs://staging/in.jsonl",
                                            "gs://staging/out"))
                            .body())
                    .get("name")
                    .asText();

            JsonNode pending = Http.json(http.get("/v1beta1/" + name).body());
            JsonNode list = Http.json(http.get(PARENT + "/batchPredictionJobs").body());
            HttpResponse<String> cancel = http.post("/v1/" + name + ":cancel", "{}");
            JsonNode cancelled = Http.json(http.get("/v1/" + name).body());

            assertThat(pending.get("state").asText()).isEqualTo("JOB_STATE_PENDING");
            assertThat(pending.at("/completionStats/incompleteCount").asText()).isEqualTo("2");
            assertThat(list.at("/batchPredictionJobs/0/name").asText()).isEqualTo(name);
            assertThat(list.has("nextPageToken")).as("absent on the last page").isFalse();
            assertThat(cancel.statusCode()).isEqualTo(200);
            assertThat(cancelled.get("state").asText()).isEqualTo("JOB_STATE_CANCELLED");
            assertThat(cancelled.has("outputInfo")).isFalse();
            assertThat(http.post("/v1/" + name + ":cancel", "{}").statusCode())
                    .as("a finished job cannot be cancelled")
                    .isEqualTo(400);
            assertThat(http.get("/v1/" + PARENT.substring(4) + "/batchPredictionJobs/999")
                            .statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void brokenJobsAre400sNamingTheField() throws Exception {
        try (GeminiEmulator emulator = start(Duration.ZERO)) {
            Http http = new Http(emulator.baseUrl());
            upload(http, "in.jsonl", INPUT);
            upload(http, "bad.jsonl", "{\"contents\": []}\n");
            String model = "publishers/google/models/gemini-1.5-flash-001";
            String[][] cases = {
                {"{", "Invalid JSON"},
                {"{}", "displayName"},
                {job("", "gs://staging/in.jsonl", "gs://staging/out"), "\"model\""},
                {job("publishers/google/models/nope", "gs://staging/in.jsonl", "gs://staging/out"), "\"model\""},
                {job("projects/p/locations/l/models/nope", "gs://staging/in.jsonl", "gs://staging/out"), "\"model\""},
                {job("projects/p/locations/l/endpoints/123", "gs://staging/in.jsonl", "gs://staging/out"), "endpoint"},
                {job(model, "gs://staging/missing.jsonl", "gs://staging/out"), "inputConfig.gcsSource.uris[0]"},
                {job(model, "gs://staging/bad.jsonl", "gs://staging/out"), "inputConfig.gcsSource.uris[0]"},
                {job(model, "not-a-uri", "gs://staging/out"), "inputConfig.gcsSource.uris[0]"},
                {job(model, "gs://staging/in.jsonl", "/tmp/out"), "outputConfig.gcsDestination.outputUriPrefix"},
                {
                    job(model, "gs://staging/in.jsonl", "gs://staging/out")
                            .replace("\"jsonl\", \"gcsS", "\"csv\", \"gcsS"),
                    "inputConfig.instancesFormat"
                },
            };
            for (String[] c : cases) {
                HttpResponse<String> r = http.post(PARENT + "/batchPredictionJobs", c[0]);
                assertThat(r.statusCode()).as(c[0] + " -> " + r.body()).isEqualTo(400);
                assertThat(r.body()).as(c[0]).contains(c[1]);
            }
        }
    }
}
