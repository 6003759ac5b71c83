package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Thinking tokens over HTTP: a 2.5 model asked with a thinking budget reports usageMetadata.thoughtsTokenCount. */
class ThinkingTest {

    private static String request(String thinkingConfig) {
        return "{\"contents\":[{\"parts\":[{\"text\":\"Say hello to Ada\"}]}],"
                + "\"generationConfig\":{\"maxOutputTokens\":32"
                + (thinkingConfig == null ? "" : ",\"thinkingConfig\":" + thinkingConfig) + "}}";
    }

    @Test
    void aThinkingModelWithABudgetThinksAtMostTheBudgetAndCountsItInTheTotalOnly() throws Exception {
        try (GeminiEmulator emulator = GeminiEmulator.builder().port(0).build().start()) {
            Http http = new Http(emulator.baseUrl());

            JsonNode plain = http.generate("gemini-2.5-flash", request(null)).get("usageMetadata");
            JsonNode thinking = http.generate("gemini-2.5-flash", request("{\"thinkingBudget\":64}"))
                    .get("usageMetadata");
            JsonNode tight = http.generate("gemini-2.5-flash", request("{\"thinkingBudget\":5}"))
                    .get("usageMetadata");
            JsonNode dynamic = http.generate("gemini-2.5-flash", request("{\"thinkingBudget\":-1}"))
                    .get("usageMetadata");
            JsonNode off = http.generate("gemini-2.5-flash", request("{\"thinkingBudget\":0}"))
                    .get("usageMetadata");
            JsonNode notThinking = http.generate("gemini-2.0-flash", request("{\"thinkingBudget\":64}"))
                    .get("usageMetadata");

            int prompt = thinking.get("promptTokenCount").asInt();
            assertThat(plain.has("thoughtsTokenCount")).isFalse();
            assertThat(thinking.get("thoughtsTokenCount").asInt()).isEqualTo(Math.min(64, 16 + 4 * prompt));
            assertThat(thinking.get("totalTokenCount").asInt())
                    .isEqualTo(prompt
                            + thinking.get("candidatesTokenCount").asInt()
                            + thinking.get("thoughtsTokenCount").asInt());
            assertThat(thinking.get("candidatesTokenCount")).isEqualTo(plain.get("candidatesTokenCount"));
            assertThat(tight.get("thoughtsTokenCount").asInt()).isEqualTo(5);
            assertThat(dynamic.get("thoughtsTokenCount").asInt()).isEqualTo(16 + 4 * prompt);
            assertThat(off.has("thoughtsTokenCount")).isFalse();
            assertThat(notThinking.has("thoughtsTokenCount"))
                    .as("a model that does not think ignores thinkingConfig")
                    .isFalse();
        }
    }

    @Test
    void aBudgetBelowMinusOneIsA400() throws Exception {
        try (GeminiEmulator emulator = GeminiEmulator.builder().port(0).build().start()) {
            HttpResponse<String> r = new Http(emulator.baseUrl())
                    .post("/v1beta/models/gemini-2.5-flash:generateContent", request("{\"thinkingBudget\":-5}"));

            assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("INVALID_ARGUMENT", "thinkingBudget must be -1 (dynamic), 0 (off)");
        }
    }
}
