package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EndpointsTest {
    static GeminiEmulator emulator;
    static Http http;

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder().port(0).build().start();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static final String HELLO = "{\"contents\":[{\"parts\":[{\"text\":\"What is 2 + 2?\"}]}]}";

    @Test
    void baseUrlIsLoopbackWithoutTrailingSlash() {
        assertThat(emulator.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+").endsWith(":" + emulator.port());
    }

    @Test
    void listsAndGetsTheBaseModels() {
        JsonNode list = Http.json(http.get("/v1beta/models").body());
        List<String> names = new ArrayList<>();
        list.path("models").forEach(m -> names.add(m.path("name").asText()));
        assertThat(names)
                .contains(
                        "models/gemini-1.5-flash-001", "models/gemini-1.5-flash-001-tuning", "models/gemini-2.0-flash");
        HttpResponse<String> one = http.get("/v1beta/models/gemini-1.5-flash-001-tuning");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(Http.json(one.body()).path("supportedGenerationMethods").toString())
                .contains("createTunedModel");
        assertThat(http.get("/v1beta/models/gemini-9").statusCode()).isEqualTo(404);
    }

    @Test
    void generateContentAnswersWithCandidatesAndUsage() {
        HttpResponse<String> r = http.post("/v1beta/models/gemini-2.0-flash:generateContent", HELLO);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = Http.json(r.body());
        assertThat(body.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("2 + 2 = 4");
        assertThat(body.at("/candidates/0/content/role").asText()).isEqualTo("model");
        assertThat(body.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        assertThat(body.at("/candidates/0/safetyRatings").size()).isEqualTo(4);
        JsonNode usage = body.path("usageMetadata");
        assertThat(usage.path("totalTokenCount").asInt())
                .isEqualTo(usage.path("promptTokenCount").asInt()
                        + usage.path("candidatesTokenCount").asInt());
        assertThat(body.has("promptBlocked")).as("only wire fields are written").isFalse();
    }

    @Test
    void streamGenerateContentSpeaksSseAndJsonArray() {
        HttpResponse<String> sse = http.post(
                "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse",
                "{\"contents\":[{\"parts\":[{\"text\":\"Write a story about a magic backpack.\"}]}]}");
        assertThat(sse.statusCode()).isEqualTo(200);
        assertThat(sse.headers().firstValue("content-type")).hasValue("text/event-stream");
        assertThat(sse.body()).startsWith("data: {").endsWith("\r\n\r\n").doesNotContain("[DONE]");
        HttpResponse<String> array = http.post(
                "/v1beta/models/gemini-2.0-flash:streamGenerateContent",
                "{\"contents\":[{\"parts\":[{\"text\":\"Write a story about a magic backpack.\"}]}]}");
        assertThat(array.statusCode()).isEqualTo(200);
        JsonNode chunks = Http.json(array.body());
        assertThat(chunks.isArray()).isTrue();
        assertThat(chunks.size()).isGreaterThan(3);
        JsonNode last = chunks.get(chunks.size() - 1);
        assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        assertThat(chunks.get(0).at("/candidates/0/finishReason").isMissingNode())
                .isTrue();
    }

    @Test
    void countTokensCountsWithTheSharedTokenizer() {
        HttpResponse<String> r = http.post("/v1beta/models/gemini-2.0-flash:countTokens", HELLO);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode gen = http.generate("gemini-2.0-flash", HELLO);
        assertThat(Http.json(r.body()).path("totalTokens").asInt())
                .isEqualTo(gen.at("/usageMetadata/promptTokenCount").asInt());
    }

    @Test
    void tunedModelsAreNotFoundWithoutATuningService() {
        try (GeminiEmulator bare = GeminiEmulator.builder()
                .port(0)
                .tunedModelService(context -> TunedModelService.none())
                .build()
                .start()) {
            Http http = new Http(bare.baseUrl());
            HttpResponse<String> r = http.post("/v1beta/tunedModels/my-model:generateContent", HELLO);
            assertThat(r.statusCode()).isEqualTo(404);
            JsonNode error = Http.json(r.body()).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(404);
            assertThat(error.path("status").asText()).isEqualTo("NOT_FOUND");
            assertThat(error.path("message").asText()).contains("tunedModels/my-model");
            assertThat(error.has("details"))
                    .as("proto3 JSON omits an empty details list")
                    .isFalse();
            assertThat(http.post("/v1beta/tunedModels/my-model:streamGenerateContent?alt=sse", HELLO)
                            .statusCode())
                    .isEqualTo(404);
            assertThat(http.get("/v1beta/tunedModels").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void unknownModelsPathsAndMethodsAre404() {
        HttpResponse<String> r = http.post("/v1beta/models/gemini-pro:generateContent", HELLO);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(Http.json(r.body()).at("/error/message").asText()).contains("models/gemini-pro");
        assertThat(http.get("/v2/models").statusCode()).isEqualTo(404);
        assertThat(http.get("/v1beta/models/gemini-2.0-flash:generateContent").statusCode())
                .isEqualTo(404);
        assertThat(http.post("/v1beta/models/gemini-2.0-flash:embedContent", HELLO)
                        .statusCode())
                .isEqualTo(404);
        assertThat(http.method("DELETE", "/v1beta/models", null).statusCode()).isEqualTo(404);
    }

    @Test
    void urlEncodedColonIsAccepted() {
        assertThat(http.post("/v1beta/models/gemini-2.0-flash%3AgenerateContent", HELLO)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void adminEndpointsReportAndReset() {
        http.post("/v1beta/models/gemini-2.0-flash:generateContent", HELLO);
        http.post("/v1beta/models/gemini-2.0-flash:generateContent", "{");
        JsonNode stats = Http.json(http.get("/emulator/stats").body());
        assertThat(stats.at("/requests/models.generateContent/200").asLong()).isPositive();
        assertThat(stats.at("/requests/models.generateContent/400").asLong()).isPositive();
        assertThat(stats.path("peakInFlight").asInt()).isPositive();
        assertThat(stats.has("inFlight")).isTrue();
        assertThat(stats.has("faultsInjected")).isTrue();
        assertThat(http.get("/emulator/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/emulator/reset").statusCode()).as("reset is POST").isEqualTo(404);
        assertThat(http.post("/emulator/reset", "").statusCode()).isEqualTo(200);
        JsonNode after = Http.json(http.get("/emulator/stats").body());
        assertThat(after.at("/requests/models.generateContent").isMissingNode()).isTrue();
    }
}
