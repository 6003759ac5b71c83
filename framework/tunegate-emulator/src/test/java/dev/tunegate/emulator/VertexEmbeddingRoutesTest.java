package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Vertex AI embeddings over HTTP: {@code :predict} and {@code :embedContent} on publisher embedding models give the
 * same vectors as the Gemini API's {@code batchEmbedContents}, with token statistics; bad requests are 4xx.
 */
class VertexEmbeddingRoutesTest {
    static GeminiEmulator emulator;
    static Http http;

    private static final String PREFIX = "/v1/projects/demo/locations/us-central1/publishers/google/models/";
    private static final String TEXT = "We will refund your order";

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder().port(0).build().start();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static HttpResponse<String> post(String path, String body) {
        return http.post(path, body, "Authorization", "Bearer any-token");
    }

    @Test
    void predictEmbedsEveryInstanceAsTheGeminiApiDoesWithTokenStatistics() {
        HttpResponse<String> r = post(
                PREFIX + "text-embedding-005:predict",
                "{\"instances\":[{\"content\":" + Http.quote(TEXT) + ",\"task_type\":\"SEMANTIC_SIMILARITY\"},"
                        + "{\"content\":\"The capital of France is Paris\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(r.body());
        assertThat(body.get("predictions")).hasSize(2);
        JsonNode first = body.at("/predictions/0/embeddings");
        assertThat(first.get("values")).hasSize(768);
        assertThat(first.at("/statistics/token_count").asInt()).isEqualTo(5);
        assertThat(first.at("/statistics/truncated").asBoolean(true)).isFalse();
        assertThat(body.at("/metadata/billableCharacterCount").asInt()).isEqualTo(21 + 25);

        HttpResponse<String> gemini = http.post(
                "/v1beta/models/text-embedding-004:batchEmbedContents",
                "{\"requests\":[{\"model\":\"models/text-embedding-004\",\"content\":{\"parts\":[{\"text\":"
                        + Http.quote(TEXT) + "}]}}]}");
        assertThat(first.get("values")).isEqualTo(Http.json(gemini.body()).at("/embeddings/0/values"));
    }

    @Test
    void expressModeV1beta1AndOutputDimensionalityAreServed() {
        HttpResponse<String> r = http.post(
                "/v1beta1/publishers/google/models/gemini-embedding-001:predict",
                "{\"instances\":[{\"content\":\"hello\"}],\"parameters\":{\"outputDimensionality\":64}}",
                "x-goog-api-key",
                "express-key");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r.body()).at("/predictions/0/embeddings/values")).hasSize(64);
    }

    @Test
    void embedContentServesNewerGeminiEmbeddingModelsWithUsage() {
        HttpResponse<String> r = post(
                PREFIX + "gemini-embedding-2-preview:embedContent",
                "{\"content\":{\"parts\":[{\"text\":" + Http.quote(TEXT) + "}]},"
                        + "\"embedContentConfig\":{\"outputDimensionality\":32}}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(r.body());
        assertThat(body.at("/embedding/values")).hasSize(32);
        assertThat(body.at("/usageMetadata/promptTokenCount").asInt()).isEqualTo(5);
    }

    @Test
    void malformedRequestsAre400sWithGooglesErrorShape() {
        String[] bodies = {
            "not json",
            "[1]",
            "{}",
            "{\"instances\":[]}",
            "{\"instances\":{\"content\":\"a\"}}",
            "{\"instances\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}",
            "{\"instances\":[{}]}",
            "{\"instances\":[{\"content\":\"a\"}],\"parameters\":[]}",
            "{\"instances\":[{\"content\":\"a\"}],\"parameters\":{\"outputDimensionality\":0}}",
            "{\"instances\":[{\"content\":\"a\"}],\"parameters\":{\"outputDimensionality\":\"big\"}}"
        };
        for (String body : bodies) {
            HttpResponse<String> r = post(PREFIX + "text-embedding-005:predict", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            JsonNode error = Http.json(r.body()).get("error");
            assertThat(error.get("code").asInt()).as(body).isEqualTo(400);
            assertThat(error.get("status").asText()).as(body).isEqualTo("INVALID_ARGUMENT");
            assertThat(error.get("message").asText()).as(body).isNotBlank();
        }
        assertThat(post(PREFIX + "gemini-embedding-2-preview:embedContent", "{\"content\":{}}")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void batchLimitsAreVertexAis() {
        assertThat(post(PREFIX + "gemini-embedding-001:predict", instances(2)).body())
                .contains("INVALID_ARGUMENT")
                .contains("at most 1 instance per request, got 2");
        assertThat(post(PREFIX + "text-embedding-005:predict", instances(250)).statusCode())
                .isEqualTo(200);
        assertThat(post(PREFIX + "text-embedding-005:predict", instances(251)).body())
                .contains("at most 250 instances per request, got 251");
    }

    @Test
    void unknownModelsAre404AndGenerativeModelsDoNotPredict() {
        HttpResponse<String> unknown = post(PREFIX + "no-such-model:predict", instances(1));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown.body()).at("/error/status").asText()).isEqualTo("NOT_FOUND");
        HttpResponse<String> gemini = post(PREFIX + "gemini-2.5-flash:predict", instances(1));
        assertThat(gemini.statusCode()).isEqualTo(400);
        assertThat(gemini.body()).contains("FAILED_PRECONDITION");
        assertThat(post(PREFIX + "gemini-2.5-flash:embedContent", "{\"content\":{\"parts\":[{\"text\":\"a\"}]}}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aProjectPathNeedsItsBearerTokenWhenTheEmulatorRequiresOne() {
        try (GeminiEmulator strict = GeminiEmulator.builder()
                .port(0)
                .requireBearer("secret-token")
                .build()
                .start()) {
            Http h = new Http(strict.baseUrl());
            assertThat(h.post(PREFIX + "text-embedding-005:predict", instances(1))
                            .statusCode())
                    .isEqualTo(401);
            assertThat(h.post(
                                    PREFIX + "text-embedding-005:predict",
                                    instances(1),
                                    "Authorization",
                                    "Bearer secret-token")
                            .statusCode())
                    .isEqualTo(200);
        }
    }

    private static String instances(int n) {
        StringJoiner joined = new StringJoiner(",", "{\"instances\":[", "]}");
        for (int i = 0; i < n; i++) {
            joined.add("{\"content\":\"text " + i + "\"}");
        }
        return joined.toString();
    }
}
