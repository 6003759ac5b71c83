package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code --require-bearer} and {@code --deploy} on the command line, checked over HTTP. */
class VertexAuthTest {
    private static final String TOKEN = "ya29.canary-bearer-0123456789";
    private static final String KEY = "canary-key-for-express-mode";
    private static final String ENDPOINT = "/v1/projects/demo/locations/us-central1/endpoints/123:generateContent";
    private static final String BODY = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hello\"}]}]}";
    static GeminiEmulator emulator;
    static Http http;

    @BeforeAll
    static void start() {
        emulator = EmulatorMain.configure(
                        new String[] {
                            "--port",
                            "0",
                            "--in-memory",
                            "--require-bearer",
                            TOKEN,
                            "--require-api-key",
                            KEY,
                            "--deploy",
                            "123=models/gemini-1.5-flash-001",
                            "--deploy=7=gemini-2.5-pro,8=publishers/google/models/gemini-2.5-flash"
                        },
                        System.out)
                .start();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void withoutATokenIs401Unauthenticated() {
        HttpResponse<String> r = http.post(ENDPOINT, BODY);
        assertThat(r.statusCode()).isEqualTo(401);
        JsonNode error = Http.json(r.body()).path("error");
        assertThat(error.path("status").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(error.path("message").asText()).contains("Expected OAuth 2 access token");
        assertThat(error.at("/details/0/reason").asText()).isEqualTo("CREDENTIALS_MISSING");
        // an API key does not stand in for the token on a project path
        assertThat(http.post(ENDPOINT, BODY, "x-goog-api-key", KEY).statusCode())
                .isEqualTo(401);
        assertThat(http.post(ENDPOINT, BODY, "Authorization", "Basic abc").statusCode())
                .isEqualTo(401);
    }

    @Test
    void withAWrongTokenIs403PermissionDeniedAndNoTokenIsEchoed() {
        HttpResponse<String> r = http.post(ENDPOINT, BODY, "Authorization", "Bearer wrong-token");
        assertThat(r.statusCode()).isEqualTo(403);
        JsonNode error = Http.json(r.body()).path("error");
        assertThat(error.path("status").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(error.path("message").asText()).contains("projects/demo/locations/us-central1/endpoints/123");
        assertThat(r.body()).doesNotContain("wrong-token").doesNotContain(TOKEN);
    }

    @Test
    void withTheTokenEveryDeploymentAnswers() {
        for (String endpoint : new String[] {"123", "7", "8"}) {
            HttpResponse<String> r = http.post(
                    "/v1beta1/projects/demo/locations/us-central1/endpoints/" + endpoint + ":generateContent",
                    BODY,
                    "Authorization",
                    "Bearer " + TOKEN);
            assertThat(r.statusCode()).as(endpoint).isEqualTo(200);
        }
        assertThat(http.get("/v1/projects/demo/locations/us-central1/endpoints/7", "Authorization", "Bearer " + TOKEN)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void expressModeChecksTheApiKey() {
        String express = "/v1beta1/publishers/google/models/gemini-2.5-flash:generateContent";
        assertThat(http.post(express, BODY, "x-goog-api-key", KEY).statusCode()).isEqualTo(200);
        assertThat(http.post(express, BODY, "x-goog-api-key", "nope").statusCode())
                .isEqualTo(403);
        assertThat(http.post(express, BODY).statusCode()).isEqualTo(401);
        assertThat(http.post(express, BODY, "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(200);
    }

    @Test
    void badDeploymentsAreRejectedAtStartUp() {
        assertThatThrownBy(() -> EmulatorMain.configure(new String[] {"--deploy", "123"}, System.out))
                .hasMessageContaining("must be ID=MODEL");
        assertThatThrownBy(() -> EmulatorMain.configure(new String[] {"--deploy", "a b=gemini-2.5-pro"}, System.out))
                .hasMessageContaining("endpoint id 'a b'");
        assertThatThrownBy(() -> GeminiEmulator.builder()
                        .deploy("1", "models/gemini-9")
                        .build()
                        .start())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot deploy models/gemini-9 to endpoint 1");
    }
}
