package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Gemini API under /v1 (the newest official SDKs' default), as under /v1beta; proto3 JSON lists. */
class GeminiApiV1Test {
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

    @Test
    void generateStreamCountAndModelsAnswerUnderV1() {
        String ask = "{\"contents\":[{\"parts\":[{\"text\":\"What is 2 + 2?\"}]}]}";
        HttpResponse<String> r = http.post("/v1/models/gemini-2.5-flash:generateContent", ask);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Http.json(r.body()).at("/candidates/0/content/parts/0/text").asText())
                .isEqualTo("2 + 2 = 4");
        HttpResponse<String> stream = http.post("/v1/models/gemini-2.5-flash:streamGenerateContent?alt=sse", ask);
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body()).startsWith("data: ");
        assertThat(Http.json(http.post("/v1/models/gemini-2.5-pro:countTokens", ask)
                                .body())
                        .path("totalTokens")
                        .asInt())
                .isPositive();
        assertThat(Http.json(http.get("/v1/models/gemini-2.5-flash-lite").body())
                        .path("name")
                        .asText())
                .isEqualTo("models/gemini-2.5-flash-lite");
        assertThat(http.get("/v1/models/gemini-9").statusCode()).isEqualTo(404);
        assertThat(http.get("/v2/models").statusCode()).isEqualTo(404);
    }

    @Test
    void the2026ModelsAreListedAndTunable() {
        JsonNode model = Http.json(http.get("/v1beta/models/gemini-2.5-flash").body());
        assertThat(model.path("supportedGenerationMethods").toString()).contains("createTunedModel");
        assertThat(Http.json(http.get("/v1/models?pageSize=1000").body())
                        .path("models")
                        .toString())
                .contains("models/gemini-2.5-flash\"", "models/gemini-2.5-flash-lite", "models/gemini-2.5-pro");
    }

    @Test
    void theLastPageHasNoNextPageToken() {
        JsonNode first = Http.json(http.get("/v1/models?pageSize=2").body());
        assertThat(first.path("nextPageToken").asText()).isNotEmpty();
        String token = first.path("nextPageToken").asText();
        JsonNode page = first;
        int pages = 1;
        while (page.has("nextPageToken")) {
            page = Http.json(http.get("/v1/models?pageSize=2&pageToken="
                            + page.path("nextPageToken").asText())
                    .body());
            pages++;
        }
        assertThat(pages).isGreaterThan(2);
        assertThat(page.toString()).doesNotContain("nextPageToken").doesNotContain("null");
        assertThat(token).isNotEmpty();
    }

    @Test
    void v1CallsCountLikeV1betaCalls() {
        emulator.reset();
        http.post("/v1/models/gemini-2.5-flash:generateContent", "{\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]}");
        assertThat(emulator.stats().get("requests").toString()).contains("models.generateContent={200=1}");
    }
}
