package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ValidationTest {
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

    private static final String C = "\"contents\":[{\"parts\":[{\"text\":\"hi\"}]}]";

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("{}", "contents"),
                Arguments.of("{\"contents\":[]}", "contents"),
                Arguments.of("{\"contents\":[{\"parts\":[]}]}", "contents[0].parts"),
                Arguments.of("{\"contents\":[{\"role\":\"robot\",\"parts\":[{\"text\":\"x\"}]}]}", "contents[0].role"),
                Arguments.of("{\"contents\":[{\"parts\":[{\"text\":\"\"}]}]}", "contents[0].parts[0].text"),
                Arguments.of("{\"contents\":[{\"parts\":[{}]}]}", "contents[0].parts[0]"),
                Arguments.of(
                        "{\"contents\":[{\"parts\":[{\"text\":\"a\",\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"AA==\"}}]}]}",
                        "contents[0].parts[0]"),
                Arguments.of(
                        "{\"contents\":[{\"parts\":[{\"inline_data\":{\"data\":\"AA==\"}}]}]}",
                        "contents[0].parts[0].inlineData.mimeType"),
                Arguments.of(
                        "{\"contents\":[{\"parts\":[{\"inline_data\":{\"mime_type\":\"image/png\",\"data\":\"!!not base64!!\"}}]}]}",
                        "contents[0].parts[0].inlineData.data"),
                Arguments.of(
                        "{\"contents\":[{\"parts\":[{\"file_data\":{\"mime_type\":\"audio/mpeg\"}}]}]}",
                        "contents[0].parts[0].fileData.fileUri"),
                Arguments.of(
                        "{\"contents\":[{\"parts\":[{\"functionCall\":{\"args\":{}}}]}]}",
                        "contents[0].parts[0].functionCall.name"),
                Arguments.of(
                        "{\"contents\":[{\"parts\":[{\"functionResponse\":{\"response\":{}}}]}]}",
                        "contents[0].parts[0].functionResponse.name"),
                Arguments.of("{" + C + ",\"systemInstruction\":{\"parts\":[]}}", "systemInstruction.parts"),
                Arguments.of(
                        "{" + C
                                + ",\"systemInstruction\":{\"parts\":[{\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"AA==\"}}]}}",
                        "systemInstruction.parts[0]"),
                Arguments.of("{" + C + ",\"generationConfig\":{\"temperature\":2.5}}", "generationConfig.temperature"),
                Arguments.of("{" + C + ",\"generationConfig\":{\"temperature\":-0.1}}", "generationConfig.temperature"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"temperature\":\"hot\"}}", "generationConfig.temperature"),
                Arguments.of("{" + C + ",\"generationConfig\":{\"topP\":1.5}}", "generationConfig.topP"),
                Arguments.of("{" + C + ",\"generationConfig\":{\"topK\":0}}", "generationConfig.topK"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"candidateCount\":0}}", "generationConfig.candidateCount"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"candidateCount\":9}}", "generationConfig.candidateCount"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"candidateCount\":1.5}}", "generationConfig.candidateCount"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"maxOutputTokens\":0}}", "generationConfig.maxOutputTokens"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"maxOutputTokens\":100000}}",
                        "generationConfig.maxOutputTokens"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"stopSequences\":[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]}}",
                        "generationConfig.stopSequences"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"stopSequences\":[\"\"]}}",
                        "generationConfig.stopSequences[0]"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"responseMimeType\":\"text/html\"}}",
                        "generationConfig.responseMimeType"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"responseSchema\":{\"type\":\"STRING\"}}}",
                        "generationConfig.responseSchema"),
                Arguments.of(
                        "{" + C
                                + ",\"generationConfig\":{\"responseMimeType\":\"application/json\",\"responseSchema\":{\"type\":\"LIST\"}}}",
                        "generationConfig.responseSchema.type"),
                Arguments.of(
                        "{" + C
                                + ",\"generationConfig\":{\"responseMimeType\":\"application/json\",\"responseSchema\":{\"type\":\"ARRAY\"}}}",
                        "generationConfig.responseSchema.items"),
                Arguments.of(
                        "{" + C
                                + ",\"generationConfig\":{\"responseMimeType\":\"application/json\",\"responseSchema\":{\"type\":\"OBJECT\",\"properties\":{\"a\":{\"type\":\"STRING\"}},\"required\":[\"b\"]}}}",
                        "generationConfig.responseSchema.required"),
                Arguments.of(
                        "{" + C
                                + ",\"generationConfig\":{\"responseMimeType\":\"application/json\",\"responseSchema\":{\"type\":\"INTEGER\",\"enum\":[\"1\"]}}}",
                        "generationConfig.responseSchema.enum"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"responseMimeType\":\"text/x.enum\"}}",
                        "generationConfig.responseSchema"),
                Arguments.of(
                        "{" + C + ",\"generationConfig\":{\"presencePenalty\":3}}", "generationConfig.presencePenalty"),
                Arguments.of("{" + C + ",\"generationConfig\":{\"bogus\":1}}", "generationConfig.bogus"),
                Arguments.of(
                        "{" + C
                                + ",\"safetySettings\":[{\"category\":\"HARM_CATEGORY_SILLY\",\"threshold\":\"BLOCK_NONE\"}]}",
                        "safetySettings[0].category"),
                Arguments.of(
                        "{" + C
                                + ",\"safetySettings\":[{\"category\":\"HARM_CATEGORY_DEROGATORY\",\"threshold\":\"BLOCK_NONE\"}]}",
                        "safetySettings[0].category"),
                Arguments.of(
                        "{" + C + ",\"safetySettings\":[{\"threshold\":\"BLOCK_NONE\"}]}",
                        "safetySettings[0].category"),
                Arguments.of(
                        "{" + C
                                + ",\"safetySettings\":[{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"threshold\":\"BLOCK_SOME\"}]}",
                        "safetySettings[0].threshold"),
                Arguments.of(
                        "{" + C
                                + ",\"safetySettings\":[{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"threshold\":\"BLOCK_NONE\"},{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"threshold\":\"BLOCK_ONLY_HIGH\"}]}",
                        "safetySettings[1].category"),
                Arguments.of(
                        "{" + C + ",\"tools\":[{\"functionDeclarations\":[{\"name\":\"1bad name\"}]}]}",
                        "tools[0].functionDeclarations[0].name"),
                Arguments.of(
                        "{" + C + ",\"tools\":[{\"functionDeclarations\":[{\"name\":\"f\"},{\"name\":\"f\"}]}]}",
                        "tools[0].functionDeclarations[1].name"),
                Arguments.of(
                        "{" + C
                                + ",\"tools\":[{\"functionDeclarations\":[{\"name\":\"f\",\"parameters\":{\"type\":\"ARRAY\"}}]}]}",
                        "tools[0].functionDeclarations[0].parameters.items"),
                Arguments.of(
                        "{" + C + ",\"toolConfig\":{\"functionCallingConfig\":{\"mode\":\"sometimes\"}}}",
                        "toolConfig.functionCallingConfig.mode"),
                Arguments.of(
                        "{" + C
                                + ",\"tools\":[{\"functionDeclarations\":[{\"name\":\"f\"}]}],\"toolConfig\":{\"functionCallingConfig\":{\"mode\":\"AUTO\",\"allowedFunctionNames\":[\"f\"]}}}",
                        "toolConfig.functionCallingConfig.allowedFunctionNames"),
                Arguments.of("{" + C + ",\"cachedContent\":\"my-cache\"}", "cachedContent"),
                Arguments.of(
                        "{" + C
                                + ",\"system_instruction\":{\"parts\":[{\"text\":\"a\"}]},\"systemInstruction\":{\"parts\":[{\"text\":\"b\"}]}}",
                        "systemInstruction"),
                Arguments.of("{" + C + ",\"unknownField\":true}", "unknownField"),
                Arguments.of("{\"contents\":\"hello\"}", "contents[0]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalid")
    void invalidRequestsAre400NamingTheField(String body, String field) {
        HttpResponse<String> r = http.post("/v1beta/models/gemini-2.0-flash:generateContent", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = Http.json(r.body()).path("error");
        assertThat(error.path("code").asInt()).isEqualTo(400);
        assertThat(error.path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        String fieldName = field.substring(field.lastIndexOf('.') + 1);
        assertThat(error.path("message").asText()).contains(fieldName);
        if (error.at("/details/0/fieldViolations/0/field").isTextual()) {
            assertThat(error.at("/details/0/fieldViolations/0/field").asText()).isEqualTo(field);
        } else {
            assertThat(error.path("message").asText()).contains(field);
        }
        HttpResponse<String> stream = http.post("/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse", body);
        assertThat(stream.statusCode()).as("stream validates the same way").isEqualTo(400);
    }

    @Test
    void fieldViolationsNameTheField() {
        HttpResponse<String> r = http.post(
                "/v1beta/models/gemini-2.0-flash:generateContent", "{" + C + ",\"generationConfig\":{\"topP\":7}}");
        JsonNode details = Http.json(r.body()).at("/error/details/0");
        assertThat(details.path("@type").asText()).isEqualTo("type.googleapis.com/google.rpc.BadRequest");
        assertThat(details.at("/fieldViolations/0/field").asText()).isEqualTo("generationConfig.topP");
    }

    static Stream<String> malformed() {
        return Stream.of(
                "",
                "   ",
                "{",
                "{\"contents\": [",
                "[1,2]",
                "\"text\"",
                "null",
                "{'contents': []}",
                "{\"contents\":[{\"parts\":[{\"text\":\"x\"}]}]} trailing",
                "{contents: []}",
                "{\"safetySettings\": [{'category': HARM_CATEGORY_HARASSMENT, 'threshold': BLOCK_ONLY_HIGH}]}");
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedJsonIs400(String body) {
        HttpResponse<String> r = http.post("/v1beta/models/gemini-2.0-flash:generateContent", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r.body()).at("/error/status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(Http.json(r.body()).at("/error/message").asText()).startsWith("Invalid JSON payload received.");
    }

    @Test
    void acceptsTheSeedsSpellings() {
        // snake_case keys, single objects for lists, lower-case enum values, trailing commas
        String body = "{\"system_instruction\":{\"parts\":{\"text\":\"Be brief.\"}},"
                + "\"contents\":{\"role\":\"user\",\"parts\":{\"text\":\"Turn on the lights please.\"}},"
                + "\"tools\":[{\"function_declarations\":[{\"name\":\"enable_lights\",\"description\":\"Turn on the lighting system.\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"room_name\":{\"type\":\"string\"}}}}]}],"
                + "\"tool_config\":{\"function_calling_config\":{\"mode\":\"auto\"}},"
                + "\"generation_config\":{\"max_output_tokens\":50,\"top_p\":0.5,\"stop_sequences\":[\"x\",],},}";
        JsonNode r = http.generate("gemini-2.0-flash", body);
        assertThat(r.at("/candidates/0/content/parts/0/functionCall/name").asText())
                .isEqualTo("enable_lights");
    }

    @Test
    void validRangesAtTheirEdgesAreAccepted() {
        String body = "{" + C + ",\"generationConfig\":{\"temperature\":2.0,\"topP\":1.0,\"topK\":1,"
                + "\"candidateCount\":8,\"maxOutputTokens\":8192,\"stopSequences\":[\"a\",\"b\",\"c\",\"d\",\"e\"],"
                + "\"responseMimeType\":\"text/plain\"},\"safetySettings\":[{\"category\":\"HARM_CATEGORY_CIVIC_INTEGRITY\","
                + "\"threshold\":\"OFF\"},{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"threshold\":\"HARM_BLOCK_THRESHOLD_UNSPECIFIED\"}]}";
        JsonNode r = http.generate("gemini-1.5-flash-001", body);
        assertThat(r.path("candidates").size()).isEqualTo(8);
    }

    @Test
    void unknownCachedContentIs404() {
        HttpResponse<String> r = http.post(
                "/v1beta/models/gemini-2.0-flash:generateContent",
                "{" + C + ",\"cachedContent\":\"cachedContents/abc\"}");
        assertThat(r.statusCode()).isEqualTo(404);
    }
}
