package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Vertex AI surface over HTTP: publisher models and deployed endpoints under /v1 and /v1beta1. */
class VertexSurfaceTest {
    static GeminiEmulator emulator;
    static Http http;

    static final String ASK = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"What is 2 + 2?\"}]}],"
            + "\"generationConfig\":{\"temperature\":0}}";

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder()
                .port(0)
                .deploy("123", "models/gemini-1.5-flash-001")
                .deploy("flash-25", "publishers/google/models/gemini-2.5-flash")
                .build()
                .start();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void publisherModelAnswersUnderBothVersionsForAnyProjectAndLocation() {
        for (String path : new String[] {
            "/v1/projects/demo/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent",
            "/v1beta1/projects/other-42/locations/global/publishers/google/models/gemini-2.5-flash:generateContent",
            "/v1beta1/projects/p/locations/europe-west4/publishers/google/models/gemini-2.5-pro:generateContent",
            "/v1/projects/p/locations/us-east5/publishers/google/models/gemini-2.5-flash-lite:generateContent"
        }) {
            HttpResponse<String> r = http.post(path, ASK, "Authorization", "Bearer any-token");
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            JsonNode body = Http.json(r.body());
            assertThat(body.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("2 + 2 = 4");
            assertThat(body.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        }
    }

    @Test
    void vertexResponsesCarryVertexFieldsAndNoNulls() {
        HttpResponse<String> r = http.post(
                "/v1/projects/demo/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent",
                ASK);
        JsonNode body = Http.json(r.body());
        assertThat(body.path("modelVersion").asText()).isEqualTo("gemini-2.5-flash");
        assertThat(body.path("responseId").asText()).isNotEmpty();
        assertThat(body.path("createTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(body.at("/usageMetadata/trafficType").asText()).isEqualTo("ON_DEMAND");
        assertThat(body.at("/usageMetadata/totalTokenCount").asInt()).isPositive();
        JsonNode rating = body.at("/candidates/0/safetyRatings/0");
        assertThat(rating.path("probability").asText()).isEqualTo("NEGLIGIBLE");
        assertThat(rating.path("probabilityScore").isNumber()).isTrue();
        assertThat(rating.path("severity").asText()).isEqualTo("HARM_SEVERITY_NEGLIGIBLE");
        assertThat(rating.path("severityScore").isNumber()).isTrue();
        assertThat(body.has("promptFeedback"))
                .as("Vertex omits promptFeedback unless blocked")
                .isFalse();
        assertThat(r.body()).doesNotContain("null");
    }

    @Test
    void deployedEndpointServesItsModel() {
        HttpResponse<String> r = http.post(
                "/v1/projects/demo/locations/us-central1/endpoints/123:generateContent",
                ASK,
                "Authorization",
                "Bearer t");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(r.body());
        assertThat(body.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("2 + 2 = 4");
        assertThat(body.path("modelVersion").asText()).isEqualTo("gemini-1.5-flash-001");

        HttpResponse<String> other =
                http.post("/v1beta1/projects/elsewhere/locations/europe-west1/endpoints/flash-25:generateContent", ASK);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(Http.json(other.body()).path("modelVersion").asText()).isEqualTo("gemini-2.5-flash");
    }

    @Test
    void endpointStreamsAsServerSentEvents() {
        HttpResponse<String> r = http.post(
                "/v1/projects/demo/locations/us-central1/endpoints/123:streamGenerateContent?alt=sse",
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"List 5 popular cookie recipes\"}]}],"
                        + "\"generationConfig\":{\"temperature\":0}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/event-stream");
        String[] events = r.body().split("\r\n\r\n");
        assertThat(events.length).isGreaterThan(1);
        StringBuilder text = new StringBuilder();
        String responseId = null;
        for (String event : events) {
            assertThat(event).startsWith("data: ");
            JsonNode chunk = Http.json(event.substring("data: ".length()));
            text.append(chunk.at("/candidates/0/content/parts/0/text").asText());
            if (responseId == null) {
                responseId = chunk.path("responseId").asText();
            }
            assertThat(chunk.path("responseId").asText()).isEqualTo(responseId);
            assertThat(chunk.path("createTime").asText()).isNotEmpty();
        }
        JsonNode last = Http.json(events[events.length - 1].substring("data: ".length()));
        assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        assertThat(text.toString()).startsWith("Here are 5 cookie recipes:");
    }

    @Test
    void unknownEndpointsModelsAndPublishersAreNotFound() {
        HttpResponse<String> endpoint =
                http.post("/v1/projects/demo/locations/us-central1/endpoints/999:generateContent", ASK);
        assertThat(endpoint.statusCode()).isEqualTo(404);
        assertThat(Http.json(endpoint.body()).at("/error/status").asText()).isEqualTo("NOT_FOUND");
        assertThat(Http.json(endpoint.body()).at("/error/message").asText())
                .contains("projects/demo/locations/us-central1/endpoints/999");

        HttpResponse<String> model = http.post(
                "/v1/projects/demo/locations/us-central1/publishers/google/models/gemini-9:generateContent", ASK);
        assertThat(model.statusCode()).isEqualTo(404);
        assertThat(Http.json(model.body()).at("/error/code").asInt()).isEqualTo(404);

        assertThat(http.post(
                                "/v1/projects/demo/locations/us-central1/publishers/meta/models/llama:generateContent",
                                ASK)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.post("/v1beta1/endpoints/123:generateContent", ASK).statusCode())
                .isEqualTo(404);
    }

    @Test
    void everyContentNeedsARole() {
        HttpResponse<String> r = http.post(
                "/v1/projects/demo/locations/us-central1/publishers/google/models/gemini-2.5-flash:generateContent",
                "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = Http.json(r.body()).path("error");
        assertThat(error.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(error.path("message").asText()).isEqualTo("Please use a valid role: user, model.");
        assertThat(error.at("/details/0/fieldViolations/0/field").asText()).isEqualTo("contents[0].role");
        // the Gemini API defaults the role
        assertThat(http.post(
                                "/v1beta/models/gemini-2.5-flash:generateContent",
                                "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void expressModePathsWithoutAProjectTakeAnApiKey() {
        HttpResponse<String> r = http.post(
                "/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent", ASK, "x-goog-api-key", "k");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r.body()).at("/candidates/0/content/parts/0/text").asText())
                .isEqualTo("2 + 2 = 4");
    }

    @Test
    void getsPublisherModelsAndEndpoints() {
        HttpResponse<String> model = http.get("/v1beta1/publishers/google/models/gemini-2.5-flash");
        assertThat(model.statusCode()).isEqualTo(200);
        assertThat(Http.json(model.body()).path("name").asText())
                .isEqualTo("publishers/google/models/gemini-2.5-flash");
        assertThat(http.get("/v1/projects/p/locations/l/publishers/google/models/gemini-2.5-pro")
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/v1/publishers/google/models/gemini-0").statusCode())
                .isEqualTo(404);

        HttpResponse<String> endpoint = http.get("/v1/projects/demo/locations/us-central1/endpoints/123");
        assertThat(endpoint.statusCode()).isEqualTo(200);
        JsonNode body = Http.json(endpoint.body());
        assertThat(body.path("name").asText()).isEqualTo("projects/demo/locations/us-central1/endpoints/123");
        assertThat(body.at("/deployedModels/0/model").asText())
                .isEqualTo("publishers/google/models/gemini-1.5-flash-001");
        assertThat(endpoint.body()).doesNotContain("null");
        assertThat(http.get("/v1/projects/demo/locations/us-central1/endpoints/124")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void statsNameVertexCalls() {
        emulator.reset();
        http.post("/v1/projects/demo/locations/us-central1/endpoints/123:generateContent", ASK);
        assertThat(emulator.stats().get("requests").toString()).contains("vertex.endpoints.generateContent={200=1}");
    }
}
