package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A tuned model of the emulator (here on gemini-2.5-flash, a 2026 tuning base model) deployed to a
 * Vertex AI endpoint: the endpoint answers from what it learned, and the Vertex {@code Model} resource
 * names the endpoint it is deployed to.
 */
class VertexTunedEndpointTest {
    private static final String PREFIX = "/v1beta1/projects/demo/locations/us-central1/";
    private static GeminiEmulator emulator;
    private static RawApi api;

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder()
                .port(0)
                .tuningStepMillis(0)
                .deploy("77", "tunedModels/support-on-vertex")
                .build()
                .start();
        api = new RawApi(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void aDeployedTunedModelAnswersOnItsEndpointAndNamesItInItsModelResource() {
        assertThat(api.post(PREFIX + "endpoints/77:generateContent", RawApi.ask("hello"))
                        .status())
                .as("nothing tuned yet")
                .isEqualTo(404);

        ObjectNode body = RawApi.supportIntents();
        body.put("baseModel", "models/gemini-2.5-flash");
        RawApi.Response created = api.post("/v1beta/tunedModels?tunedModelId=support-on-vertex", body);
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
        api.awaitDone(created.json().get("name").asText(), Duration.ofSeconds(30));

        RawApi.Response answer =
                api.post(PREFIX + "endpoints/77:generateContent", RawApi.ask("I want a refund for my order"));
        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
        assertThat(answer.json().at("/candidates/0/content/parts/0/text").asText())
                .isEqualTo("{\"intent\":\"refund\"}");

        for (String name : new String[] {"models/support-on-vertex", "models/support-on-vertex@1"}) {
            RawApi.Response model = api.get(PREFIX + name);
            assertThat(model.status()).as(model.json().toString()).isEqualTo(200);
            JsonNode m = model.json();
            assertThat(m.path("name").asText())
                    .isEqualTo("projects/demo/locations/us-central1/models/support-on-vertex");
            assertThat(m.path("versionId").asText()).isEqualTo("1");
            assertThat(m.at("/deployedModels/0/endpoint").asText())
                    .isEqualTo("projects/demo/locations/us-central1/endpoints/77");
            assertThat(m.at("/labels/google-vertex-llm-tuning-base-model-id").asText())
                    .isEqualTo("gemini-2.5-flash");
        }
        assertThat(api.get(PREFIX + "models/support-on-vertex@2").status()).isEqualTo(404);
        assertThat(api.get(PREFIX + "models/nothing-here").status()).isEqualTo(404);
        assertThat(api.post(PREFIX + "models/support-on-vertex:generateContent", RawApi.ask("hi"))
                        .status())
                .isEqualTo(404);
    }
}
