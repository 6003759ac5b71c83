package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.emulator.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Streaming, limits, stop sequences, candidates and sampling, over loopback. */
class GenerationTest {
    static GeminiEmulator emulator;
    static Http http;

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder().port(0).streamChunkTokens(5).build().start();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String body(String text, String config) {
        return "{\"contents\":[{\"parts\":[{\"text\":" + Http.quote(text) + "}]}],\"generationConfig\":{" + config
                + "}}";
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"temperature\":0",
                "\"temperature\":1.2,\"seed\":7",
                "\"temperature\":0,\"candidateCount\":3",
                "\"temperature\":0,\"maxOutputTokens\":17",
                "\"temperature\":0,\"responseMimeType\":\"application/json\""
            })
    void streamedChunksConcatenateToTheNonStreamedAnswer(String config) {
        String request = body("Write a story about a magic backpack.", config);
        JsonNode whole = http.generate("gemini-2.0-flash", request);
        String sse = http.post("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse", request)
                .body();
        List<JsonNode> sseChunks = new ArrayList<>();
        for (String event : sse.split("\r\n\r\n")) {
            assertThat(event).startsWith("data: ");
            sseChunks.add(Http.json(event.substring("data: ".length())));
        }
        JsonNode array = Http.json(http.post("/v1beta/models/gemini-2.0-flash:streamGenerateContent", request)
                .body());
        List<JsonNode> arrayChunks = new ArrayList<>();
        array.forEach(arrayChunks::add);
        for (List<JsonNode> chunks : List.of(sseChunks, arrayChunks)) {
            assertThat(chunks.size()).isGreaterThan(1);
            JsonNode last = chunks.get(chunks.size() - 1);
            for (int c = 0; c < whole.path("candidates").size(); c++) {
                StringBuilder text = new StringBuilder();
                for (JsonNode chunk : chunks) {
                    for (JsonNode cand : chunk.path("candidates")) {
                        if (cand.path("index").asInt() == c) {
                            text.append(cand.at("/content/parts/0/text").asText());
                        }
                    }
                }
                assertThat(text.toString())
                        .isEqualTo(whole.at("/candidates/" + c + "/content/parts/0/text")
                                .asText());
                assertThat(last.at("/candidates/" + c + "/finishReason").asText())
                        .isEqualTo(
                                whole.at("/candidates/" + c + "/finishReason").asText());
            }
            for (JsonNode chunk : chunks.subList(0, chunks.size() - 1)) {
                assertThat(chunk.at("/candidates/0/finishReason").isMissingNode())
                        .isTrue();
            }
            assertThat(last.path("usageMetadata")).isEqualTo(whole.path("usageMetadata"));
        }
    }

    @Test
    void maxOutputTokensTruncatesWithMaxTokens() {
        JsonNode r = http.generate(
                "gemini-2.0-flash", body("Write a story about a dragon.", "\"temperature\":0,\"maxOutputTokens\":10"));
        String text = r.at("/candidates/0/content/parts/0/text").asText();
        assertThat(Tokenizer.get().count(text)).isEqualTo(10);
        assertThat(r.at("/candidates/0/finishReason").asText()).isEqualTo("MAX_TOKENS");
        assertThat(r.at("/usageMetadata/candidatesTokenCount").asInt()).isEqualTo(10);
        assertThat(r.at("/candidates/0/tokenCount").asInt()).isEqualTo(10);
    }

    @Test
    void stopSequencesCutTheTextAndAreNotIncluded() {
        JsonNode full = http.generate("gemini-2.0-flash", body("List 5 fruits", "\"temperature\":0"));
        assertThat(full.at("/candidates/0/content/parts/0/text").asText()).contains("3. Orange");
        JsonNode r = http.generate(
                "gemini-2.0-flash", body("List 5 fruits", "\"temperature\":0,\"stopSequences\":[\"Orange\",\"3.\"]"));
        String text = r.at("/candidates/0/content/parts/0/text").asText();
        assertThat(text).endsWith("2. Banana\n").doesNotContain("3.").doesNotContain("Orange");
        assertThat(r.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
    }

    @Test
    void candidateCountGivesIndexedCandidatesAndSumsTheirTokens() {
        JsonNode r = http.generate("gemini-2.0-flash", body("Hello", "\"temperature\":1.0,\"candidateCount\":4"));
        assertThat(r.path("candidates").size()).isEqualTo(4);
        int sum = 0;
        for (int i = 0; i < 4; i++) {
            assertThat(r.at("/candidates/" + i + "/index").asInt()).isEqualTo(i);
            sum += Tokenizer.get()
                    .count(r.at("/candidates/" + i + "/content/parts/0/text").asText());
        }
        assertThat(r.at("/usageMetadata/candidatesTokenCount").asInt()).isEqualTo(sum);
    }

    @Test
    void temperatureZeroIsDeterministicAndHigherTemperaturesVary() {
        Set<String> cold = new HashSet<>();
        Set<String> hot = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            cold.add(http.generate("gemini-2.0-flash", body("Hello", "\"temperature\":0"))
                    .at("/candidates/0/content/parts/0/text")
                    .asText());
            hot.add(http.generate("gemini-2.0-flash", body("Hello", "\"temperature\":2.0"))
                    .at("/candidates/0/content/parts/0/text")
                    .asText());
        }
        assertThat(cold).hasSize(1);
        assertThat(hot).hasSizeGreaterThan(1);
    }

    @Test
    void anExplicitSeedRepeatsTheSample() {
        Set<String> seeded = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            seeded.add(http.generate("gemini-2.0-flash", body("Hello", "\"temperature\":2.0,\"seed\":123"))
                    .at("/candidates/0/content/parts/0/text")
                    .asText());
        }
        assertThat(seeded).hasSize(1);
    }

    @Test
    void usageCountsPromptAndSystemInstructionWithTheSharedTokenizer() {
        String request = "{\"systemInstruction\":{\"parts\":[{\"text\":\"Answer briefly.\"}]},"
                + "\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"What is 2+2?\"}]},"
                + "{\"role\":\"model\",\"parts\":[{\"text\":\"4\"}]},{\"role\":\"user\",\"parts\":[{\"text\":\"And 3+3?\"}]}]}";
        JsonNode r = http.generate("gemini-2.0-flash", request);
        Tokenizer t = Tokenizer.get();
        assertThat(r.at("/usageMetadata/promptTokenCount").asInt())
                .isEqualTo(t.count("Answer briefly.") + t.count("What is 2+2?") + t.count("4") + t.count("And 3+3?"));
        assertThat(r.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("3 + 3 = 6");
    }
}
