package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.errors.ClientException;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.Model;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official Java SDK ({@code com.google.genai:google-genai}) works against the standalone emulator
 * unchanged: in Vertex AI mode (project, location, OAuth credentials, its default API version
 * {@code v1beta1}) on a publisher model and a deployed endpoint, and in Gemini API mode with its
 * default API version ({@code v1}).
 */
class OfficialJavaSdkTest {
    private static final String TOKEN = "ya29.sdk-test-token";
    private static final String ENDPOINT = "projects/demo/locations/us-central1/endpoints/123";
    private static final GenerateContentConfig TEMPERATURE_0 =
            GenerateContentConfig.builder().temperature(0f).build();

    static GeminiEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = EmulatorMain.configure(
                        new String[] {
                            "--port",
                            "0",
                            "--in-memory",
                            "--require-bearer",
                            TOKEN,
                            "--deploy",
                            "123=gemini-1.5-flash-001"
                        },
                        System.out)
                .start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Client vertex(String token) {
        return Client.builder()
                .vertexAI(true)
                .project("demo")
                .location("us-central1")
                .credentials(GoogleCredentials.create(
                        new AccessToken(token, Date.from(Instant.now().plusSeconds(3600)))))
                .httpOptions(HttpOptions.builder().baseUrl(emulator.baseUrl()).build())
                .build();
    }

    private static Client gemini() {
        return Client.builder()
                .apiKey("any-key")
                .httpOptions(HttpOptions.builder().baseUrl(emulator.baseUrl()).build())
                .build();
    }

    @Test
    void vertexModeGeneratesFromAPublisherModel() {
        try (Client client = vertex(TOKEN)) {
            GenerateContentResponse r =
                    client.models.generateContent("gemini-2.5-flash", "What is 2 + 2?", TEMPERATURE_0);
            assertThat(r.text()).isEqualTo("2 + 2 = 4");
            assertThat(r.modelVersion()).hasValue("gemini-2.5-flash");
            assertThat(r.createTime()).isPresent();
            assertThat(r.responseId()).isPresent();
            assertThat(r.usageMetadata().flatMap(u -> u.totalTokenCount()))
                    .hasValueSatisfying(n -> assertThat(n).isPositive());
        }
    }

    @Test
    void vertexModeGeneratesAndStreamsFromADeployedEndpoint() {
        try (Client client = vertex(TOKEN)) {
            assertThat(client.models
                            .generateContent(ENDPOINT, "What is 2 + 2?", TEMPERATURE_0)
                            .text())
                    .isEqualTo("2 + 2 = 4");
            StringBuilder text = new StringBuilder();
            int chunks = 0;
            try (ResponseStream<GenerateContentResponse> stream =
                    client.models.generateContentStream(ENDPOINT, "List 5 popular cookie recipes", TEMPERATURE_0)) {
                for (GenerateContentResponse chunk : stream) {
                    text.append(chunk.text());
                    chunks++;
                }
            }
            assertThat(chunks).isGreaterThan(1);
            assertThat(text.toString()).startsWith("Here are 5 cookie recipes:");
        }
    }

    @Test
    void vertexModeGetsAPublisherModel() {
        try (Client client = vertex(TOKEN)) {
            Model model = client.models.get("gemini-2.5-pro", null);
            assertThat(model.name()).hasValue("publishers/google/models/gemini-2.5-pro");
        }
    }

    @Test
    void vertexModeWithAWrongTokenGetsTheEmulatorsPermissionDenied() {
        try (Client client = vertex("ya29.wrong")) {
            assertThatThrownBy(() -> client.models.generateContent(ENDPOINT, "hi", null))
                    .isInstanceOfSatisfying(ClientException.class, e -> {
                        assertThat(e.code()).isEqualTo(403);
                        assertThat(e.status()).isEqualTo("PERMISSION_DENIED");
                    });
        }
    }

    @Test
    void geminiModeWithTheDefaultApiVersionGeneratesAndStreams() {
        try (Client client = gemini()) {
            assertThat(client.models
                            .generateContent("gemini-2.5-flash", "What is 2 + 2?", TEMPERATURE_0)
                            .text())
                    .isEqualTo("2 + 2 = 4");
            StringBuilder text = new StringBuilder();
            try (ResponseStream<GenerateContentResponse> stream = client.models.generateContentStream(
                    "gemini-2.5-flash", "List 5 popular cookie recipes", TEMPERATURE_0)) {
                stream.forEach(chunk -> text.append(chunk.text()));
            }
            assertThat(text.toString()).startsWith("Here are 5 cookie recipes:");
            assertThat(client.models.get("gemini-2.5-flash-lite", null).name())
                    .hasValue("models/gemini-2.5-flash-lite");
        }
    }
}
