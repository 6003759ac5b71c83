package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.Dataset;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerationConfig;
import dev.tunegate.client.model.Hyperparameters;
import dev.tunegate.client.model.ListModelsResponse;
import dev.tunegate.client.model.ListOperationsResponse;
import dev.tunegate.client.model.ListTunedModelsResponse;
import dev.tunegate.client.model.Model;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TuningExample;
import dev.tunegate.client.model.TuningTask;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Method, path, query, headers and body of every endpoint. */
class EndpointsTest extends MockGemini {

    @Test
    void generateContentOnABaseModel() {
        server.enqueue(ok(HELLO));
        GenerateContentRequest request = GenerateContentRequest.builder()
                .userText("Hi")
                .generationConfig(GenerationConfig.builder().temperature(0.0).build())
                .build();
        GenerateContentResult result = client().generateContentResult("models/gemini-2.0-flash", request);
        assertThat(result.text()).isEqualTo("Hello!");
        assertThat(result.response().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.retries()).isZero();
        assertThat(result.latency()).isPositive();
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.0-flash:generateContent");
        assertThat(r.getUrl().query()).isNull();
        assertThat(r.getHeaders().get("x-goog-api-key")).isEqualTo(KEY);
        assertThat(r.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body(r))
                .isEqualTo("{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]}],"
                        + "\"generationConfig\":{\"temperature\":0.0}}");
    }

    @Test
    void generateContentOnATunedModelAndABareId() {
        server.enqueue(ok(HELLO));
        server.enqueue(ok(HELLO));
        client().generateContent("tunedModels/support-intents-v2", "Hi");
        client().generateContent("gemini-1.5-flash-001", "Hi");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1beta/tunedModels/support-intents-v2:generateContent");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-1.5-flash-001:generateContent");
    }

    @Test
    void generateContentAsyncCompletesWithResult() throws Exception {
        server.enqueue(ok(HELLO));
        GenerateContentResult result = client().generateContentAsync(
                        "gemini-2.0-flash", GenerateContentRequest.of("Hi"))
                .get();
        assertThat(result.response().usageMetadata().totalTokenCount()).isEqualTo(3);
    }

    @Test
    void streamGenerateContentUsesAltSse() {
        server.enqueue(sse(chunk("Hel", null), chunk("lo", "STOP")));
        client().streamGenerateContent("models/gemini-2.0-flash", GenerateContentRequest.of("Hi"), c -> {});
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent");
        assertThat(r.getUrl().query()).isEqualTo("alt=sse");
        assertThat(r.getHeaders().get("Accept")).isEqualTo("text/event-stream");
        assertThat(body(r)).contains("\"text\":\"Hi\"");
    }

    @Test
    void streamOnATunedModel() {
        server.enqueue(sse(chunk("x", "STOP")));
        client().streamGenerateContent("tunedModels/t1", GenerateContentRequest.of("Hi"), null);
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1beta/tunedModels/t1:streamGenerateContent");
    }

    @Test
    void createTunedModelWithAndWithoutId() {
        String op = "{\"name\":\"tunedModels/increment/operations/abc\",\"metadata\":{\"@type\":\"x\"},\"done\":false}";
        server.enqueue(ok(op));
        server.enqueue(ok(op));
        TunedModel model = TunedModel.builder()
                .displayName("increment")
                .baseModel("models/gemini-1.5-flash-001-tuning")
                .tuningTask(
                        TuningTask.of(Dataset.of(List.of(TuningExample.of("1", "2"))), Hyperparameters.of(5, 4, null)))
                .build();
        Operation created = client().createTunedModel(model, "increment");
        client().createTunedModel(model, null);
        assertThat(created.name()).isEqualTo("tunedModels/increment/operations/abc");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/tunedModels");
        assertThat(r.getUrl().queryParameter("tunedModelId")).isEqualTo("increment");
        assertThat(body(r))
                .isEqualTo("{\"displayName\":\"increment\",\"tuningTask\":{\"trainingData\":{\"examples\":"
                        + "{\"examples\":[{\"textInput\":\"1\",\"output\":\"2\"}]}},\"hyperparameters\":{\"epochCount\":5,"
                        + "\"batchSize\":4}},\"baseModel\":\"models/gemini-1.5-flash-001-tuning\"}");
        assertThat(take().getUrl().query()).isNull();
    }

    @Test
    void getTunedModelAcceptsNameOrId() {
        server.enqueue(ok("{\"name\":\"tunedModels/a\",\"state\":\"ACTIVE\"}"));
        server.enqueue(ok("{\"name\":\"tunedModels/a\",\"state\":\"ACTIVE\"}"));
        assertThat(client().getTunedModel("tunedModels/a").state()).isEqualTo(TunedModel.State.ACTIVE);
        client().getTunedModel("a");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/tunedModels/a");
        assertThat(r.getBodySize()).isZero();
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1beta/tunedModels/a");
    }

    @Test
    void listTunedModelsSendsPagingAndFilter() {
        server.enqueue(ok("{\"tunedModels\":[{\"name\":\"tunedModels/a\"}],\"nextPageToken\":\"t2\"}"));
        ListTunedModelsResponse page = client().listTunedModels(5, "t1", "owner:me increment");
        assertThat(page.nextPageToken()).isEqualTo("t2");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/tunedModels");
        assertThat(r.getUrl().queryParameter("pageSize")).isEqualTo("5");
        assertThat(r.getUrl().queryParameter("pageToken")).isEqualTo("t1");
        assertThat(r.getUrl().queryParameter("filter")).isEqualTo("owner:me increment");
    }

    @Test
    void patchTunedModelSendsUpdateMask() {
        server.enqueue(ok("{\"name\":\"tunedModels/a\",\"displayName\":\"new\"}"));
        TunedModel patched = client().patchTunedModel(
                        TunedModel.builder()
                                .name("tunedModels/a")
                                .displayName("new")
                                .description("d")
                                .build(),
                        List.of("displayName", "description"));
        assertThat(patched.displayName()).isEqualTo("new");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("PATCH");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/tunedModels/a");
        assertThat(r.getUrl().queryParameter("updateMask")).isEqualTo("displayName,description");
        assertThat(body(r)).isEqualTo("{\"name\":\"tunedModels/a\",\"displayName\":\"new\",\"description\":\"d\"}");
    }

    @Test
    void deleteTunedModel() {
        server.enqueue(ok("{}"));
        client().deleteTunedModel("tunedModels/a");
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("DELETE");
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/tunedModels/a");
        assertThat(r.getBodySize()).isZero();
    }

    @Test
    void getAndListOperations() {
        server.enqueue(ok("{\"name\":\"tunedModels/a/operations/1\",\"done\":true," + "\"response\":{\"@type\":\""
                + TunedModel.TYPE_URL + "\",\"name\":\"tunedModels/a\",\"state\":\"ACTIVE\"}}"));
        server.enqueue(ok("{\"operations\":[{\"name\":\"tunedModels/a/operations/1\",\"done\":true}]}"));
        Operation op = client().getOperation("tunedModels/a/operations/1");
        assertThat(op.tunedModel()).get().extracting(TunedModel::state).isEqualTo(TunedModel.State.ACTIVE);
        ListOperationsResponse ops = client().listOperations("tunedModels/a");
        assertThat(ops.operations()).hasSize(1);
        RecordedRequest get = take();
        assertThat(get.getMethod()).isEqualTo("GET");
        assertThat(get.getUrl().encodedPath()).isEqualTo("/v1beta/tunedModels/a/operations/1");
        RecordedRequest list = take();
        assertThat(list.getUrl().encodedPath()).isEqualTo("/v1beta/tunedModels/a/operations");
    }

    @Test
    void getAndListBaseModels() {
        server.enqueue(
                ok("{\"name\":\"models/gemini-2.0-flash\",\"baseModelId\":\"gemini-2.0-flash\",\"version\":\"2.0\","
                        + "\"inputTokenLimit\":1048576,\"outputTokenLimit\":8192,"
                        + "\"supportedGenerationMethods\":[\"generateContent\",\"streamGenerateContent\"],"
                        + "\"temperature\":1.0,\"maxTemperature\":2.0,\"topP\":0.95,\"topK\":40}"));
        server.enqueue(ok("{\"models\":[{\"name\":\"models/gemini-2.0-flash\"}]}"));
        Model m = client().getModel("gemini-2.0-flash");
        assertThat(m.outputTokenLimit()).isEqualTo(8192);
        assertThat(m.supportedGenerationMethods()).contains("generateContent");
        ListModelsResponse list = client().listModels(50, null);
        assertThat(list.models()).extracting(Model::name).containsExactly("models/gemini-2.0-flash");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.0-flash");
        RecordedRequest r = take();
        assertThat(r.getUrl().encodedPath()).isEqualTo("/v1beta/models");
        assertThat(r.getUrl().queryParameter("pageSize")).isEqualTo("50");
    }

    @Test
    void noKeyMeansNoKeyHeader() {
        GeminiClient c = track(builder().apiKey(() -> null).build());
        server.enqueue(ok(HELLO));
        c.generateContent(
                "gemini-2.0-flash",
                GenerateContentRequest.builder().addContent(Content.user("a")).build());
        RecordedRequest r = take();
        assertThat(r.getHeaders().get("x-goog-api-key")).isNull();
        assertThat(r.getUrl().queryParameter("key")).isNull();
    }

    @Test
    void baseUrlWithTrailingSlashIsAccepted() {
        GeminiClient c = track(builder().baseUrl(baseUrl() + "/").build());
        assertThat(c.baseUrl()).isEqualTo(baseUrl());
        server.enqueue(ok(HELLO));
        c.generateContent("gemini-2.0-flash", "x");
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.0-flash:generateContent");
    }
}
