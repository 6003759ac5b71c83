package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    private static final String KEY = "canary-key-1234567890";
    private static final String BODY = "{\"contents\":[{\"parts\":[{\"text\":\"Hello\"}]}]}";
    private static final String PATH = "/v1beta/models/gemini-2.0-flash:generateContent";
    static GeminiEmulator emulator;
    static Http http;

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder().port(0).requireApiKey(KEY).build().start();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void missingKeyIs401Unauthenticated() {
        HttpResponse<String> r = http.post(PATH, BODY);
        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode error = Http.json(r.body()).path("error");
        assertThat(error.path("status").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(error.at("/details/0/reason").asText()).isEqualTo("CREDENTIALS_MISSING");
        assertThat(http.get("/v1beta/models").statusCode()).isEqualTo(401);
    }

    @Test
    void wrongKeyIs403PermissionDeniedWithApiKeyInvalid() {
        HttpResponse<String> r = http.post(PATH, BODY, "x-goog-api-key", "wrong");
        assertThat(r.statusCode()).isEqualTo(403);
        JsonNode error = Http.json(r.body()).path("error");
        assertThat(error.path("status").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(error.path("message").asText()).isEqualTo("API key not valid. Please pass a valid API key.");
        assertThat(error.at("/details/0/@type").asText()).isEqualTo("type.googleapis.com/google.rpc.ErrorInfo");
        assertThat(error.at("/details/0/reason").asText()).isEqualTo("API_KEY_INVALID");
        assertThat(http.post(PATH + "?key=wrong", BODY).statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("wrong").doesNotContain(KEY);
    }

    @Test
    void rightKeyInHeaderOrQueryIsAccepted() {
        assertThat(http.post(PATH, BODY, "x-goog-api-key", KEY).statusCode()).isEqualTo(200);
        assertThat(http.post(PATH + "?key=" + KEY, BODY).statusCode()).isEqualTo(200);
        assertThat(http.post("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse&key=" + KEY, BODY)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void adminEndpointsNeedNoKeyAndNeverShowIt() {
        HttpResponse<String> stats = http.get("/emulator/stats");
        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(stats.body()).doesNotContain(KEY);
    }
}
