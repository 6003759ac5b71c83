package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tunegate.client.model.CreateTunedModelMetadata;
import dev.tunegate.client.model.Model;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.TunedModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Walking paginated lists and polling long-running operations. */
class PagingAndOperationsTest extends MockGemini {

    @Test
    void listAllTunedModelsWalksThreePages() {
        server.enqueue(
                ok(
                        "{\"tunedModels\":[{\"name\":\"tunedModels/a\"},{\"name\":\"tunedModels/b\"}],\"nextPageToken\":\"p2\"}"));
        server.enqueue(ok("{\"tunedModels\":[{\"name\":\"tunedModels/c\"}],\"nextPageToken\":\"p3\"}"));
        server.enqueue(ok("{\"tunedModels\":[{\"name\":\"tunedModels/d\"}],\"nextPageToken\":\"\"}"));
        List<String> names =
                client().listAllTunedModels(2, "owner:me").map(TunedModel::name).collect(Collectors.toList());
        assertThat(names).containsExactly("tunedModels/a", "tunedModels/b", "tunedModels/c", "tunedModels/d");
        RecordedRequest first = take();
        assertThat(first.getUrl().queryParameter("pageToken")).isNull();
        assertThat(first.getUrl().queryParameter("pageSize")).isEqualTo("2");
        assertThat(first.getUrl().queryParameter("filter")).isEqualTo("owner:me");
        RecordedRequest second = take();
        assertThat(second.getUrl().queryParameter("pageToken")).isEqualTo("p2");
        assertThat(second.getUrl().queryParameter("filter")).isEqualTo("owner:me");
        assertThat(take().getUrl().queryParameter("pageToken")).isEqualTo("p3");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void pagesAreFetchedLazily() {
        server.enqueue(ok("{\"tunedModels\":[{\"name\":\"tunedModels/a\"}],\"nextPageToken\":\"p2\"}"));
        server.enqueue(ok("{\"tunedModels\":[{\"name\":\"tunedModels/b\"}]}"));
        Stream<TunedModel> all = client().listAllTunedModels(null);
        assertThat(server.getRequestCount()).isZero();
        assertThat(all.findFirst()).get().extracting(TunedModel::name).isEqualTo("tunedModels/a");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void emptyListAndModelPages() {
        server.enqueue(ok("{}"));
        assertThat(client().listAllTunedModels(null)).isEmpty();
        server.enqueue(ok("{\"models\":[{\"name\":\"models/a\"}],\"nextPageToken\":\"n\"}"));
        server.enqueue(ok("{\"models\":[{\"name\":\"models/b\"}]}"));
        assertThat(client().listAllModels().map(Model::name)).containsExactly("models/a", "models/b");
    }

    private static String op(boolean done, int completed, String response) {
        return "{\"name\":\"tunedModels/t/operations/1\",\"metadata\":{\"@type\":\"" + CreateTunedModelMetadata.TYPE_URL
                + "\",\"tunedModel\":\"tunedModels/t\",\"totalSteps\":10,\"completedSteps\":" + completed
                + ",\"completedPercent\":" + (completed * 10.0) + "},\"done\":" + done
                + (response == null ? "" : ",\"response\":" + response) + "}";
    }

    @Test
    void awaitOperationPollsUntilDoneAndReportsProgress() {
        server.enqueue(ok(op(false, 3, null)));
        server.enqueue(ok(op(false, 7, null)));
        server.enqueue(ok(op(
                true,
                10,
                "{\"@type\":\"" + TunedModel.TYPE_URL + "\",\"name\":\"tunedModels/t\",\"state\":\"ACTIVE\"}")));
        Operation start = new Operation("tunedModels/t/operations/1", null, false, null, null);
        List<Integer> progress = new CopyOnWriteArrayList<>();
        Operation done = client().awaitOperation(
                        start,
                        o -> progress.add(
                                o.createTunedModelMetadata().orElseThrow().completedSteps()),
                        Duration.ofSeconds(10));
        assertThat(done.isDone()).isTrue();
        assertThat(done.tunedModel()).get().extracting(TunedModel::state).isEqualTo(TunedModel.State.ACTIVE);
        assertThat(progress).containsExactly(3, 7, 10);
        assertThat(take().getUrl().encodedPath()).isEqualTo("/v1beta/tunedModels/t/operations/1");
    }

    @Test
    void awaitOperationReturnsADoneOperationImmediately() {
        Operation done = new Operation("tunedModels/t/operations/1", null, true, null, null);
        assertThat(client().awaitOperation(done, null, Duration.ofSeconds(1))).isSameAs(done);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void awaitOperationTimesOut() {
        for (int i = 0; i < 50; i++) {
            server.enqueue(ok(op(false, 1, null)));
        }
        ManualTicker clock = new ManualTicker();
        GeminiClient polling = track(builder().ticker(clock).build());
        Operation start = new Operation("tunedModels/t/operations/1", null, false, null, null);
        GeminiApiException e = catchThrowableOfType(
                GeminiApiException.class, () -> polling.awaitOperation(start, null, Duration.ofMillis(200)));
        assertThat(e.getMessage())
                .startsWith("HTTP 0 DEADLINE_EXCEEDED: operation tunedModels/t/operations/1 not done");
        // Waits of 10, 15, 22.5, then 30 ms (the max) until 197.5 ms, and the last 2.5 ms: a read after each,
        // however slow the machine is, because only the poller's sleeps move its clock.
        assertThat(server.getRequestCount()).isEqualTo(9);
        assertThat(clock.elapsed()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void failedOperationIsReturnedWithItsError() {
        server.enqueue(ok("{\"name\":\"tunedModels/t/operations/1\",\"done\":true,\"error\":{\"code\":3,"
                + "\"message\":\"training data is empty\"}}"));
        Operation done = client().awaitOperation(
                        new Operation("tunedModels/t/operations/1", null, false, null, null),
                        null,
                        Duration.ofSeconds(5));
        assertThat(done.error().message()).isEqualTo("training data is empty");
        assertThat(done.tunedModel()).isEmpty();
    }
}
