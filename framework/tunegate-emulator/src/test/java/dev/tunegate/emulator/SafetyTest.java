package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SafetyTest {
    @TempDir
    static Path dir;

    static GeminiEmulator emulator;
    static Http http;

    @BeforeAll
    static void start() throws IOException {
        Path behaviour = dir.resolve("villain.json");
        // innocuous prompts whose scripted answers are rated LOW / MEDIUM / HIGH for harassment
        Files.writeString(
                behaviour,
                "{\"rules\": ["
                        + "{\"pattern\": \"critic low\", \"response\": \"That plan sucks.\"},"
                        + "{\"pattern\": \"critic medium\", \"response\": \"Only an idiot would do that.\"},"
                        + "{\"pattern\": \"critic high\", \"response\": \"I will hurt you.\"}]}");
        emulator = GeminiEmulator.builder()
                .port(0)
                .behaviourFile(behaviour)
                .build()
                .start();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String body(String text, String threshold) {
        String settings = threshold == null
                ? ""
                : ",\"safetySettings\":[{\"category\":\"HARM_CATEGORY_HARASSMENT\"," + "\"threshold\":\"" + threshold
                        + "\"}]";
        return "{\"contents\":[{\"parts\":[{\"text\":" + Http.quote(text) + "}]}]" + settings + "}";
    }

    @ParameterizedTest(name = "prompt rated {1} with {2}: blocked={3}")
    @CsvSource({
        "Your idea sucks,            LOW,    BLOCK_LOW_AND_ABOVE,    true",
        "Your idea sucks,            LOW,    BLOCK_MEDIUM_AND_ABOVE, false",
        "You are an idiot,           MEDIUM, BLOCK_MEDIUM_AND_ABOVE, true",
        "You are an idiot,           MEDIUM, BLOCK_ONLY_HIGH,        false",
        "I will hurt you,            HIGH,   BLOCK_ONLY_HIGH,        true",
        "I will hurt you,            HIGH,   BLOCK_NONE,             false",
        "I will hurt you,            HIGH,   OFF,                    false",
        "You are an idiot,           MEDIUM, ,                       true",
        "Your idea sucks,            LOW,    ,                       false",
        "What is the capital of France?, NEGLIGIBLE, BLOCK_LOW_AND_ABOVE, false"
    })
    void promptIsBlockedAtOrAboveTheThreshold(String text, String level, String threshold, boolean blocked) {
        JsonNode r = http.generate("gemini-2.0-flash", body(text, threshold));
        JsonNode harassment = rating(r.at("/promptFeedback/safetyRatings"));
        if (blocked) {
            assertThat(r.at("/promptFeedback/blockReason").asText()).isEqualTo("SAFETY");
            assertThat(r.has("candidates")).isFalse();
            assertThat(harassment.path("probability").asText()).isEqualTo(level);
            assertThat(harassment.path("blocked").asBoolean()).isTrue();
            assertThat(r.at("/usageMetadata/promptTokenCount").asInt()).isPositive();
        } else {
            assertThat(r.at("/promptFeedback/blockReason").isMissingNode()).isTrue();
            assertThat(r.path("candidates").size()).isEqualTo(1);
            assertThat(rating(r.at("/candidates/0/safetyRatings"))
                            .path("blocked")
                            .asBoolean())
                    .isFalse();
        }
    }

    @ParameterizedTest(name = "answer rated {1} with {2}: blocked={3}")
    @CsvSource({
        "critic low,    LOW,    BLOCK_LOW_AND_ABOVE,    true",
        "critic low,    LOW,    BLOCK_MEDIUM_AND_ABOVE, false",
        "critic medium, MEDIUM, BLOCK_MEDIUM_AND_ABOVE, true",
        "critic medium, MEDIUM, BLOCK_ONLY_HIGH,        false",
        "critic high,   HIGH,   BLOCK_ONLY_HIGH,        true",
        "critic high,   HIGH,   BLOCK_NONE,             false",
        "critic medium, MEDIUM, ,                       true"
    })
    void answerIsWithheldAtOrAboveTheThreshold(String text, String level, String threshold, boolean blocked) {
        JsonNode r = http.generate("gemini-2.0-flash", body(text, threshold));
        assertThat(r.at("/promptFeedback/blockReason").isMissingNode()).isTrue();
        JsonNode candidate = r.at("/candidates/0");
        JsonNode harassment = rating(candidate.path("safetyRatings"));
        assertThat(harassment.path("probability").asText()).isEqualTo(level);
        if (blocked) {
            assertThat(candidate.path("finishReason").asText()).isEqualTo("SAFETY");
            assertThat(candidate.has("content")).isFalse();
            assertThat(harassment.path("blocked").asBoolean()).isTrue();
        } else {
            assertThat(candidate.path("finishReason").asText()).isEqualTo("STOP");
            assertThat(candidate.at("/content/parts/0/text").asText()).isNotEmpty();
        }
    }

    @Test
    void blockedPromptStreamsAsOneChunk() {
        String sse = http.post(
                        "/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse", body("I will hurt you", null))
                .body();
        assertThat(sse.split("\r\n\r\n")).hasSize(1);
        assertThat(sse).contains("\"blockReason\":\"SAFETY\"");
    }

    @Test
    void theSeedsIronicPhraseExampleIsAnswered() {
        String request =
                "{\"safetySettings\": [{\"category\": \"HARM_CATEGORY_HARASSMENT\", \"threshold\": \"BLOCK_ONLY_HIGH\"},"
                        + "{\"category\": \"HARM_CATEGORY_HATE_SPEECH\", \"threshold\": \"BLOCK_MEDIUM_AND_ABOVE\"}],"
                        + "\"contents\": [{\"parts\":[{\"text\": \"'I support Martians Soccer Club and I think Jupiterians Football Club sucks! Write a ironic phrase about them.'\"}]}]}";
        JsonNode r = http.generate("gemini-2.0-flash", request);
        assertThat(rating(r.at("/promptFeedback/safetyRatings"))
                        .path("probability")
                        .asText())
                .isEqualTo("LOW");
        assertThat(r.path("candidates").size()).isEqualTo(1);
    }

    private static JsonNode rating(JsonNode ratings) {
        for (JsonNode r : ratings) {
            if (r.path("category").asText().equals("HARM_CATEGORY_HARASSMENT")) {
                return r;
            }
        }
        throw new AssertionError("no harassment rating in " + ratings);
    }
}
