package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunegate.client.GeminiApiException;
import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.RetryPolicy;
import dev.tunegate.client.StreamInterruptedException;
import dev.tunegate.client.StreamedResponse;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.GenerationConfig;
import dev.tunegate.client.model.HarmBlockThreshold;
import dev.tunegate.client.model.HarmCategory;
import dev.tunegate.client.model.Model;
import dev.tunegate.client.model.Schema;
import dev.tunegate.client.model.SchemaType;
import dev.tunegate.emulator.faults.FaultPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The TuneGate client against the emulator: one definition of the JSON on both sides. */
class ClientInteropTest {
    static GeminiEmulator emulator;
    static GeminiClient client;

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder()
                .port(0)
                .requireApiKey("interop-key")
                .build()
                .start();
        client = GeminiClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey(() -> "interop-key")
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        emulator.close();
    }

    private static GenerateContentRequest request(String text) {
        return GenerateContentRequest.builder()
                .userText(text)
                .generationConfig(GenerationConfig.builder().temperature(0.0).build())
                .build();
    }

    @Test
    void generateContentRoundTripsThroughTheWireRecords() {
        GenerateContentResponse r =
                client.generateContent("gemini-2.0-flash", request("What is the capital of Japan?"));
        assertThat(r.text()).isEqualTo("The capital of Japan is Tokyo.");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(r.usageMetadata().totalTokenCount()).isPositive();
        assertThat(r.firstCandidate().safetyRatings()).hasSize(4);
    }

    @Test
    void streamingEqualsNonStreaming() {
        GenerateContentRequest req = request("Write a story about a lighthouse.");
        StreamedResponse s = client.streamGenerateContent("models/gemini-1.5-flash-001", req, chunk -> {});
        GenerateContentResponse whole = client.generateContent("models/gemini-1.5-flash-001", req);
        assertThat(s.chunkCount()).isGreaterThan(3);
        assertThat(s.text()).isEqualTo(whole.text());
        assertThat(s.response().usageMetadata()).isEqualTo(whole.usageMetadata());
    }

    @Test
    void jsonModeWithASchemaBuiltWithTheClient() {
        GenerateContentRequest req = GenerateContentRequest.builder()
                .systemInstruction("You classify support tickets.")
                .userText("Ticket: I want my money back")
                .generationConfig(GenerationConfig.builder()
                        .temperature(0.0)
                        .responseMimeType("application/json")
                        .responseSchema(Schema.builder()
                                .type(SchemaType.OBJECT)
                                .property(
                                        "intent",
                                        Schema.builder()
                                                .type(SchemaType.STRING)
                                                .enumValues(List.of("refund", "shipping", "other"))
                                                .build())
                                .required("intent")
                                .build())
                        .build())
                .addSafetySetting(HarmCategory.HARM_CATEGORY_HARASSMENT, HarmBlockThreshold.BLOCK_ONLY_HIGH)
                .build();
        String text = client.generateContent("gemini-2.0-flash", req).text();
        assertThat(Http.json(text).path("intent").asText()).isIn("refund", "shipping", "other");
    }

    @Test
    void modelsAreListedAndFetched() {
        List<Model> models = client.listAllModels().toList();
        assertThat(models)
                .extracting(Model::name)
                .contains("models/gemini-2.0-flash", "models/gemini-1.5-flash-001-tuning");
        Model m = client.getModel("models/gemini-2.0-flash");
        assertThat(m.outputTokenLimit()).isEqualTo(8192);
        assertThat(client.listModels(2, null).nextPageToken()).isNotEmpty();
    }

    @Test
    void errorsBecomeTypedExceptions() {
        assertThatThrownBy(() -> client.generateContent("gemini-pro", request("hi")))
                .isInstanceOf(GeminiApiException.class)
                .hasMessageStartingWith("HTTP 404 NOT_FOUND");
        assertThatThrownBy(() -> client.generateContent("tunedModels/nope", request("hi")))
                .isInstanceOf(GeminiApiException.class)
                .hasMessageStartingWith("HTTP 404 NOT_FOUND");
        GenerateContentRequest bad = GenerateContentRequest.builder()
                .userText("hi")
                .generationConfig(GenerationConfig.builder().temperature(3.0).build())
                .build();
        assertThatThrownBy(() -> client.generateContent("gemini-2.0-flash", bad))
                .isInstanceOf(GeminiApiException.class)
                .hasMessageStartingWith("HTTP 400 INVALID_ARGUMENT")
                .hasMessageContaining("generationConfig.temperature");
        try (GeminiClient wrong = GeminiClient.builder()
                .baseUrl(emulator.baseUrl())
                .apiKey(() -> "nope")
                .build()) {
            assertThatThrownBy(() -> wrong.generateContent("gemini-2.0-flash", request("hi")))
                    .isInstanceOf(GeminiApiException.class)
                    .hasMessageStartingWith("HTTP 403 PERMISSION_DENIED")
                    .hasMessageNotContaining("nope");
        }
    }

    @Test
    void retriesInjected429sAndReportsCutStreams() {
        FaultPlan plan = FaultPlan.NONE.withErrorRates(1.0, 0, 0).withRetryAfterSeconds(0);
        try (GeminiEmulator faulty =
                        GeminiEmulator.builder().faults(plan).build().start();
                GeminiClient c = GeminiClient.builder()
                        .baseUrl(faulty.baseUrl())
                        .apiKey(() -> null)
                        .retryPolicy(
                                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)))
                        .build()) {
            assertThatThrownBy(() -> c.generateContent("gemini-2.0-flash", request("hi")))
                    .isInstanceOf(GeminiApiException.class)
                    .hasMessageStartingWith("HTTP 429 RESOURCE_EXHAUSTED");
            assertThat(((java.util.Map<?, ?>) faulty.stats().get("faultsInjected")).get("429"))
                    .isEqualTo(3L);
        }
        try (GeminiEmulator cutting = GeminiEmulator.builder()
                        .faults(FaultPlan.NONE.withCutStreamRate(1.0))
                        .build()
                        .start();
                GeminiClient c = GeminiClient.builder()
                        .baseUrl(cutting.baseUrl())
                        .apiKey(() -> null)
                        .build()) {
            assertThatThrownBy(() ->
                            c.streamGenerateContent("gemini-2.0-flash", request("Write a story about rain."), x -> {}))
                    .isInstanceOf(StreamInterruptedException.class);
        }
    }

    @Test
    void multiTurnContentsBuiltWithTheClient() {
        GenerateContentRequest req = GenerateContentRequest.builder()
                .addContent(Content.user("Hello, my name is Grace."))
                .addContent(Content.model("Nice to meet you, Grace."))
                .addContent(Content.user("What is my name?"))
                .generationConfig(GenerationConfig.builder().temperature(0.0).build())
                .build();
        assertThat(client.generateContent("gemini-2.0-flash", req).text()).isEqualTo("Your name is Grace.");
    }
}
