package dev.tunegate.client.model;

import static dev.tunegate.client.model.SpecFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request examples of gemini-api.md §10 (snake_case, single objects, trailing commas) read as records. */
class SpecRequestExamplesTest {

    @Test
    void multiTurnChatWithTrailingComma() {
        GenerateContentRequest r = read("request-chat.json", GenerateContentRequest.class);
        assertThat(r.contents()).extracting(Content::role).containsExactly("user", "model", "user");
        assertThat(r.contents().get(2).text()).startsWith("I have two dogs");
    }

    @Test
    void jsonModeWithSnakeCaseAndTrailingComma() {
        GenerateContentRequest r = read("request-json-mode.json", GenerateContentRequest.class);
        GenerationConfig g = r.generationConfig();
        assertThat(g.responseMimeType()).isEqualTo("application/json");
        assertThat(g.responseSchema().type()).isEqualTo(SchemaType.ARRAY);
        assertThat(g.responseSchema().items().type()).isEqualTo(SchemaType.OBJECT);
        assertThat(g.responseSchema().items().properties()).containsOnlyKeys("recipe_name");
        assertThat(g.responseSchema().items().properties().get("recipe_name").type())
                .isEqualTo(SchemaType.STRING);
    }

    @Test
    void functionCallingWithLowerCaseEnumsAndSingleObjects() {
        GenerateContentRequest r = read("request-function-calling.json", GenerateContentRequest.class);
        assertThat(r.systemInstruction().text()).startsWith("You are a helpful lighting system bot.");
        assertThat(r.toolConfig().functionCallingConfig().mode()).isEqualTo(FunctionCallingConfig.Mode.AUTO);
        assertThat(r.contents()).hasSize(1);
        assertThat(r.contents().get(0).text()).isEqualTo("Turn on the lights please.");
        FunctionDeclaration setColor = r.tools().get(0).functionDeclarations().get(1);
        assertThat(r.tools().get(0).functionDeclarations())
                .extracting(FunctionDeclaration::name)
                .containsExactly("enable_lights", "set_light_color", "stop_lights");
        assertThat(r.tools().get(0).functionDeclarations().get(0).parameters()).isNull();
        assertThat(setColor.parameters().type()).isEqualTo(SchemaType.OBJECT);
        assertThat(setColor.parameters().required()).containsExactly("rgb_hex");
        assertThat(setColor.parameters().properties().get("rgb_hex").type()).isEqualTo(SchemaType.STRING);
    }

    @Test
    void inlineAndFileDataInSnakeCase() {
        GenerateContentRequest r = read("request-inline-file.json", GenerateContentRequest.class);
        var parts = r.contents().get(0).parts();
        assertThat(parts.get(0).text()).isEqualTo("Tell me about this instrument");
        assertThat(parts.get(1).inlineData().mimeType()).isEqualTo("image/jpeg");
        assertThat(parts.get(1).inlineData().bytes()).asString().isEqualTo("hello");
        assertThat(parts.get(2).fileData())
                .isEqualTo(new FileData("audio/mpeg", "https://generativelanguage.googleapis.com/v1beta/files/abc"));
    }

    @Test
    void generationConfigAndSafetySettings() {
        GenerateContentRequest r = read("request-generation-config.json", GenerateContentRequest.class);
        assertThat(r.safetySettings())
                .containsExactly(SafetySetting.of(
                        HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT, HarmBlockThreshold.BLOCK_ONLY_HIGH));
        assertThat(r.generationConfig())
                .isEqualTo(GenerationConfig.builder()
                        .stopSequences("Title")
                        .temperature(1.0)
                        .maxOutputTokens(800)
                        .topP(0.8)
                        .topK(10)
                        .build());
    }

    @Test
    void assembledCreateTunedModelRequest() {
        TunedModel m = read("request-create-tuned-model.json", TunedModel.class);
        assertThat(m.displayName()).isEqualTo("increment");
        assertThat(m.baseModel()).isEqualTo("models/gemini-1.0-pro-001");
        assertThat(m.tuningTask().hyperparameters()).isEqualTo(Hyperparameters.of(20, 4, 0.001));
        assertThat(m.tuningTask().trainingData().examples().examples())
                .containsExactly(TuningExample.of("1", "2"), TuningExample.of("seven", "eight"));
    }
}
