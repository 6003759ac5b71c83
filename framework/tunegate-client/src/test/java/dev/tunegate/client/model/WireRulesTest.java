package dev.tunegate.client.model;

import static dev.tunegate.client.model.SpecFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unions, unknown values, null omission, timestamps and Operation payloads. */
class WireRulesTest {

    @Test
    void convenienceMethodsAreNotWrittenAsWireFields() throws Exception {
        GenerateContentResponse blocked = MAPPER.readValue(
                "{\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":[{\"category\":"
                        + "\"HARM_CATEGORY_HARASSMENT\",\"probability\":\"NEGLIGIBLE\"}]}}",
                GenerateContentResponse.class);
        assertThat(blocked.isPromptBlocked()).isTrue();
        assertThat(MAPPER.writeValueAsString(blocked))
                .isEqualTo("{\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":[{\"category\":"
                        + "\"HARM_CATEGORY_HARASSMENT\",\"probability\":\"NEGLIGIBLE\"}]}}");
    }

    @Test
    void partWithTwoDataMembersIsRejectedNamingTheUnion() {
        assertThatThrownBy(() -> new Part("hi", new Blob("image/png", "AA=="), null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Part.data")
                .hasMessageContaining("[text, inlineData]");
    }

    @Test
    void partWithTwoMembersInJsonFailsToRead() {
        assertThatThrownBy(() -> MAPPER.readValue("{\"text\":\"a\",\"functionCall\":{\"name\":\"f\"}}", Part.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Part.data")
                .hasMessageContaining("functionCall");
    }

    @Test
    void tunedModelSourceUnion() {
        assertThatThrownBy(() -> TunedModel.builder()
                        .baseModel("models/x")
                        .tunedModelSource(TunedModelSource.of("tunedModels/y"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TunedModel.source_model")
                .hasMessageContaining("tunedModelSource")
                .hasMessageContaining("baseModel");
    }

    @Test
    void learningRateUnion() {
        assertThatThrownBy(() -> new Hyperparameters(0.001, 1.0, 5, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Hyperparameters.learning_rate_option")
                .hasMessageContaining("learningRateMultiplier");
        assertThat(new Hyperparameters(null, 2.0, 5, 4).learningRateMultiplier())
                .isEqualTo(2.0);
    }

    @Test
    void attributionSourceUnion() {
        assertThatThrownBy(() ->
                        new AttributionSourceId(new GroundingPassageId("p", 0), new SemanticRetrieverChunk("s", "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AttributionSourceId.source");
    }

    @Test
    void operationResultUnion() {
        JsonNode response = MAPPER.createObjectNode().put("@type", TunedModel.TYPE_URL);
        assertThatThrownBy(() -> new Operation("op", null, true, Status.of(13, "INTERNAL", "x"), response))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Operation.result")
                .hasMessageContaining("[error, response]");
    }

    @Test
    void unknownEnumValuesBecomeUnrecognized() throws Exception {
        GenerateContentResponse r = MAPPER.readValue("""
                {"candidates":[{"finishReason":"IMAGE_SAFETY",
                  "safetyRatings":[{"category":"HARM_CATEGORY_NEW","probability":"EXTREME"}]}],
                 "promptFeedback":{"blockReason":"IMAGE_SAFETY"}}""", GenerateContentResponse.class);
        assertThat(r.finishReason()).isEqualTo(FinishReason.UNRECOGNIZED);
        assertThat(r.firstCandidate().safetyRatings().get(0).category()).isEqualTo(HarmCategory.UNRECOGNIZED);
        assertThat(r.firstCandidate().safetyRatings().get(0).probability()).isEqualTo(HarmProbability.UNRECOGNIZED);
        assertThat(r.promptFeedback().blockReason()).isEqualTo(BlockReason.UNRECOGNIZED);
        assertThat(MAPPER.readValue("{\"state\":\"PAUSED\"}", TunedModel.class).state())
                .isEqualTo(TunedModel.State.UNRECOGNIZED);
        assertThat(MAPPER.readValue("{\"type\":\"TUPLE\"}", Schema.class).type())
                .isEqualTo(SchemaType.UNRECOGNIZED);
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        GenerateContentResponse r = MAPPER.readValue("""
                {"candidates":[{"content":{"parts":[{"text":"x","thought":true}],"role":"model"},
                  "avgLogprobs":-0.1,"groundingMetadata":{"webSearchQueries":["q"]}}],
                 "usageMetadata":{"promptTokenCount":1,"thoughtsTokenCount":3},
                 "somethingNew":{"a":[1,2]}}""", GenerateContentResponse.class);
        assertThat(r.text()).isEqualTo("x");
        assertThat(r.usageMetadata().promptTokenCount()).isEqualTo(1);
    }

    @Test
    void enumsAreReadCaseInsensitively() throws Exception {
        assertThat(MAPPER.readValue("{\"mode\":\"none\"}", FunctionCallingConfig.class)
                        .mode())
                .isEqualTo(FunctionCallingConfig.Mode.NONE);
        assertThat(MAPPER.readValue("{\"type\":\"number\"}", Schema.class).type())
                .isEqualTo(SchemaType.NUMBER);
        assertThat(MAPPER.readValue(
                        "{\"category\":\"harm_category_harassment\",\"threshold\":\"block_none\"}",
                        SafetySetting.class))
                .isEqualTo(SafetySetting.of(HarmCategory.HARM_CATEGORY_HARASSMENT, HarmBlockThreshold.BLOCK_NONE));
    }

    @Test
    void nullsAreOmittedAndNamesAreLowerCamelCase() throws Exception {
        GenerateContentRequest req = GenerateContentRequest.builder()
                .userText("hi")
                .systemInstruction("be brief")
                .generationConfig(GenerationConfig.builder()
                        .temperature(0.0)
                        .maxOutputTokens(16)
                        .build())
                .addSafetySetting(HarmCategory.HARM_CATEGORY_HARASSMENT, HarmBlockThreshold.BLOCK_ONLY_HIGH)
                .toolConfig(ToolConfig.of(FunctionCallingConfig.Mode.AUTO))
                .build();
        assertThat(MAPPER.writeValueAsString(req))
                .isEqualTo("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}],"
                        + "\"toolConfig\":{\"functionCallingConfig\":{\"mode\":\"AUTO\"}},"
                        + "\"safetySettings\":[{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"threshold\":\"BLOCK_ONLY_HIGH\"}],"
                        + "\"systemInstruction\":{\"parts\":[{\"text\":\"be brief\"}]},"
                        + "\"generationConfig\":{\"maxOutputTokens\":16,\"temperature\":0.0}}");
    }

    @Test
    void roundTripOfEveryPartVariant() throws Exception {
        JsonNode args = MAPPER.readTree("{\"rgb_hex\":\"ff0000\"}");
        Content content = Content.of(
                "model",
                Part.text("t"),
                Part.inlineData("image/png", new byte[] {1, 2, 3}),
                Part.fileData("application/pdf", "https://files/x"),
                Part.functionCall("set_light_color", args),
                Part.functionResponse("set_light_color", MAPPER.readTree("{\"ok\":true}")),
                Part.executableCode(new ExecutableCode(ExecutableCode.Language.PYTHON, "print(1)")),
                Part.codeExecutionResult(new CodeExecutionResult(CodeExecutionResult.Outcome.OUTCOME_OK, "1\n")));
        String json = MAPPER.writeValueAsString(content);
        assertThat(json)
                .contains("\"inlineData\":{\"mimeType\":\"image/png\",\"data\":\"AQID\"}")
                .contains("\"fileData\":{\"mimeType\":\"application/pdf\",\"fileUri\":\"https://files/x\"}")
                .contains("\"functionCall\":{\"name\":\"set_light_color\",\"args\":{\"rgb_hex\":\"ff0000\"}}")
                .contains("\"executableCode\":{\"language\":\"PYTHON\",\"code\":\"print(1)\"}")
                .contains("\"codeExecutionResult\":{\"outcome\":\"OUTCOME_OK\",\"output\":\"1\\n\"}");
        assertThat(MAPPER.readValue(json, Content.class)).isEqualTo(content);
    }

    @Test
    void codeExecutionToolIsAnEmptyObject() throws Exception {
        assertThat(MAPPER.writeValueAsString(Tool.withCodeExecution())).isEqualTo("{\"codeExecution\":{}}");
        assertThat(MAPPER.readValue("{\"code_execution\":{}}", Tool.class)).isEqualTo(Tool.withCodeExecution());
    }

    @Test
    void timestampsAreWrittenInZulu() throws Exception {
        TuningSnapshot s = new TuningSnapshot(1, 1, 0.5, Instant.parse("2024-05-01T10:00:02.123Z"));
        assertThat(MAPPER.writeValueAsString(s)).contains("\"computeTime\":\"2024-05-01T10:00:02.123Z\"");
        TuningSnapshot fromOffset =
                MAPPER.readValue("{\"computeTime\":\"2024-05-01T12:00:02+02:00\"}", TuningSnapshot.class);
        assertThat(fromOffset.computeTime()).isEqualTo(Instant.parse("2024-05-01T10:00:02Z"));
    }

    @Test
    void schemaKeepsPropertyOrderAndWritesEnumAndInt64AsStrings() throws Exception {
        Schema schema = Schema.builder()
                .type(SchemaType.OBJECT)
                .property("b", Schema.of(SchemaType.STRING))
                .property(
                        "a",
                        Schema.builder()
                                .type(SchemaType.STRING)
                                .enumValues(List.of("x", "y"))
                                .build())
                .property(
                        "list",
                        Schema.builder()
                                .type(SchemaType.ARRAY)
                                .items(Schema.of(SchemaType.INTEGER))
                                .maxItems(3)
                                .build())
                .required("a")
                .build();
        String json = MAPPER.writeValueAsString(schema);
        assertThat(json)
                .isEqualTo("{\"type\":\"OBJECT\",\"properties\":{\"b\":{\"type\":\"STRING\"},"
                        + "\"a\":{\"type\":\"STRING\",\"enum\":[\"x\",\"y\"]},"
                        + "\"list\":{\"type\":\"ARRAY\",\"maxItems\":\"3\",\"items\":{\"type\":\"INTEGER\"}}},"
                        + "\"required\":[\"a\"]}");
        assertThat(MAPPER.readValue(json, Schema.class)).isEqualTo(schema);
        assertThat(MAPPER.readValue("{\"maxItems\":3}", Schema.class).maxItems())
                .isEqualTo("3");
    }

    @Test
    void operationWritesTypedPayloadsAndReadsThemBack() throws Exception {
        CreateTunedModelMetadata md = new CreateTunedModelMetadata("tunedModels/t", 10, 10, 100.0, List.of());
        TunedModel model = TunedModel.builder()
                .name("tunedModels/t")
                .state(TunedModel.State.ACTIVE)
                .baseModel("models/gemini-1.5-flash-001-tuning")
                .build();
        Operation done = Operation.succeeded("tunedModels/t/operations/1", md, model);
        String json = MAPPER.writeValueAsString(done);
        assertThat(json)
                .contains("\"metadata\":{\"@type\":\"" + CreateTunedModelMetadata.TYPE_URL + "\"")
                .contains("\"response\":{\"@type\":\"" + TunedModel.TYPE_URL + "\"")
                .doesNotContain("\"error\"");
        Operation back = MAPPER.readValue(json, Operation.class);
        assertThat(back.isDone()).isTrue();
        assertThat(back.responseType()).isEqualTo(TunedModel.TYPE_URL);
        assertThat(back.tunedModel()).contains(model);
        assertThat(back.createTunedModelMetadata()).contains(md);

        Operation failed = Operation.failed("op", md, Status.of(13, "INTERNAL", "boom"));
        Operation failedBack = MAPPER.readValue(MAPPER.writeValueAsString(failed), Operation.class);
        assertThat(failedBack.error().message()).isEqualTo("boom");
        assertThat(failedBack.tunedModel()).isEmpty();
    }

    @Test
    void convenienceAccessors() {
        GenerateContentResponse r = GenerateContentResponse.of(
                List.of(Candidate.of(new Content("model", List.of(Part.text("a"), Part.text("b"))), FinishReason.STOP)),
                UsageMetadata.of(2, 3));
        assertThat(r.text()).isEqualTo("ab");
        assertThat(r.usageMetadata().totalTokenCount()).isEqualTo(5);
        assertThat(GenerateContentResponse.of(List.of(), null).text()).isNull();
        assertThat(HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE.blocks(HarmProbability.MEDIUM))
                .isTrue();
        assertThat(HarmBlockThreshold.BLOCK_MEDIUM_AND_ABOVE.blocks(HarmProbability.LOW))
                .isFalse();
        assertThat(HarmBlockThreshold.BLOCK_NONE.blocks(HarmProbability.HIGH)).isFalse();
    }

    @Test
    void listsAreImmutableCopies() {
        java.util.ArrayList<Part> parts = new java.util.ArrayList<>(List.of(Part.text("a")));
        Content c = new Content("user", parts);
        parts.add(Part.text("b"));
        assertThat(c.parts()).hasSize(1);
        assertThatThrownBy(() -> c.parts().add(Part.text("c"))).isInstanceOf(UnsupportedOperationException.class);
    }
}
