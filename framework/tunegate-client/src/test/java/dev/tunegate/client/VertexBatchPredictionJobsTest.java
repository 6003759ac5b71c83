package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.ListVertexBatchPredictionJobsResponse;
import dev.tunegate.client.model.VertexBatchPrediction;
import dev.tunegate.client.model.VertexBatchPredictionJob;
import dev.tunegate.client.model.VertexJobState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Vertex AI batch prediction jobs over HTTP: the SDKs' create body, reads with int64-as-string counts, paging, cancel,
 * waiting on a hand-driven clock, and the JSONL input and output lines through Cloud Storage.
 */
class VertexBatchPredictionJobsTest extends MockGemini {
    private static final String PARENT = "projects/demo/locations/us-central1";
    private static final String JOB = PARENT + "/batchPredictionJobs/7";

    private GeminiClient.Builder vertex() {
        return vertexBuilder().vertexProject("demo");
    }

    private static String job(String state, String extra) {
        return "{\"name\":\"" + JOB + "\",\"displayName\":\"tunegate\",\"state\":\"" + state + "\","
                + "\"model\":\"publishers/google/models/gemini-2.5-flash\","
                + "\"createTime\":\"2026-12-03T10:00:00.123456Z\"" + extra + "}";
    }

    private static GenerateContentRequest ask(String text) {
        return GenerateContentRequest.builder().addContent(Content.user(text)).build();
    }

    @Test
    void createSendsTheSdkBodyAndReadsTheJobBack() {
        GeminiClient c = track(vertex().build());
        server.enqueue(ok(job("JOB_STATE_PENDING", "")));
        VertexBatchPredictionJob created = c.vertexBatchPredictionJobs()
                .create(VertexBatchPredictionJob.jsonl(
                        "publishers/google/models/gemini-2.5-flash",
                        List.of("gs://b/in/calls.jsonl"),
                        "gs://b/out",
                        "tunegate"));
        assertThat(created.name()).isEqualTo(JOB);
        assertThat(created.state()).isEqualTo(VertexJobState.JOB_STATE_PENDING);
        assertThat(created.isDone()).isFalse();
        RecordedRequest r = take();
        assertThat(r.getRequestLine()).isEqualTo("POST /v1/" + PARENT + "/batchPredictionJobs HTTP/1.1");
        assertThat(r.getHeaders().get("Authorization")).startsWith("Bearer ya29.");
        assertThat(tree(body(r)))
                .isEqualTo(tree("{\"displayName\":\"tunegate\",\"model\":\"publishers/google/models/gemini-2.5-flash\","
                        + "\"inputConfig\":{\"instancesFormat\":\"jsonl\",\"gcsSource\":{\"uris\":[\"gs://b/in/calls.jsonl\"]}},"
                        + "\"outputConfig\":{\"predictionsFormat\":\"jsonl\","
                        + "\"gcsDestination\":{\"outputUriPrefix\":\"gs://b/out\"}}}"));
    }

    @Test
    void aFinishedJobCarriesItsCountsAsInt64StringsItsOutputDirectoryAndItsError() {
        GeminiClient c = track(vertex().build());
        server.enqueue(ok(job(
                "JOB_STATE_PARTIALLY_SUCCEEDED",
                ",\"completionStats\":{\"successfulCount\":\"2\",\"failedCount\":\"1\",\"incompleteCount\":\"0\"},"
                        + "\"outputInfo\":{\"gcsOutputDirectory\":\"gs://bkt/out/prediction-model-1\"},"
                        + "\"error\":{\"code\":3,\"message\":\"one request failed\"},\"unknownField\":1")));
        VertexBatchPredictionJob done = c.vertexBatchPredictionJobs().get("7");
        assertThat(take().getRequestLine()).isEqualTo("GET /v1/" + JOB + " HTTP/1.1");
        assertThat(done.isDone()).isTrue();
        assertThat(done.succeeded()).isTrue();
        assertThat(done.completionStats().successfulCount()).isEqualTo(2L);
        assertThat(done.completionStats().failedCount()).isEqualTo(1L);
        assertThat(done.outputInfo().gcsOutputDirectory()).isEqualTo("gs://bkt/out/prediction-model-1");
        assertThat(done.error().message()).isEqualTo("one request failed");
    }

    @Test
    void listPassesThePageAndStopsWhenTheTokenIsAbsent() {
        GeminiClient c = track(vertex().build());
        server.enqueue(ok("{\"batchPredictionJobs\":[" + job("JOB_STATE_RUNNING", "") + "]}"));
        ListVertexBatchPredictionJobsResponse page =
                c.vertexBatchPredictionJobs().list(null, 5, "t1");
        assertThat(take().getRequestLine())
                .isEqualTo("GET /v1/" + PARENT + "/batchPredictionJobs?pageSize=5&pageToken=t1 HTTP/1.1");
        assertThat(page.batchPredictionJobs())
                .extracting(VertexBatchPredictionJob::name)
                .containsExactly(JOB);
        assertThat(page.hasNextPage()).isFalse();
    }

    @Test
    void namesAreCheckedBeforeAnyRequest() {
        GeminiClient c = track(vertex().build());
        assertThatThrownBy(() -> c.vertexBatchPredictionJobs().get(PARENT + "/tuningJobs/7"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchPredictionJobs/ID");
        assertThatThrownBy(() -> VertexBatchPredictionJob.jsonl("m", List.of(), "gs://b/o", "d"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void awaitReportsEveryReadAndACancelRequestSendsCancelOnce() {
        ManualTicker clock = new ManualTicker();
        GeminiClient c = track(vertex().ticker(clock)
                .operationPolling(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .build());
        server.enqueue(ok(job("JOB_STATE_PENDING", "")));
        server.enqueue(ok(job("JOB_STATE_RUNNING", "")));
        server.enqueue(ok("{}"));
        server.enqueue(ok(job("JOB_STATE_CANCELLING", "")));
        server.enqueue(ok(job("JOB_STATE_CANCELLED", ",\"error\":{\"code\":1,\"message\":\"CANCELED\"}")));
        List<VertexJobState> seen = new ArrayList<>();
        AtomicBoolean cancel = new AtomicBoolean();
        VertexBatchPredictionJob done = c.vertexBatchPredictionJobs()
                .await(
                        c.vertexBatchPredictionJobs().get(JOB),
                        j -> {
                            seen.add(j.state());
                            cancel.set(true);
                        },
                        Duration.ofMinutes(1),
                        cancel::get);
        assertThat(done.state()).isEqualTo(VertexJobState.JOB_STATE_CANCELLED);
        assertThat(done.succeeded()).isFalse();
        assertThat(seen)
                .containsExactly(
                        VertexJobState.JOB_STATE_RUNNING,
                        VertexJobState.JOB_STATE_CANCELLING,
                        VertexJobState.JOB_STATE_CANCELLED);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(take().getRequestLine());
        }
        assertThat(lines)
                .containsExactly(
                        "GET /v1/" + JOB + " HTTP/1.1",
                        "GET /v1/" + JOB + " HTTP/1.1",
                        "POST /v1/" + JOB + ":cancel HTTP/1.1",
                        "GET /v1/" + JOB + " HTTP/1.1",
                        "GET /v1/" + JOB + " HTTP/1.1");
        assertThat(clock.elapsed())
                .as("2 s, then 2 s again after the cancel, then 3 s")
                .isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void awaitGivesUpAtTheTimeoutNamingTheBatchJob() {
        ManualTicker clock = new ManualTicker();
        GeminiClient c = track(vertex().ticker(clock)
                .operationPolling(Duration.ofSeconds(10), Duration.ofSeconds(10))
                .build());
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok(job("JOB_STATE_RUNNING", "")));
        }
        GeminiApiException e = (GeminiApiException) catchThrowable(() -> c.vertexBatchPredictionJobs()
                .await(c.vertexBatchPredictionJobs().get(JOB), null, Duration.ofSeconds(15), null));
        assertThat(e.getMessage())
                .startsWith("HTTP 0 DEADLINE_EXCEEDED: batch prediction job " + JOB
                        + " is still JOB_STATE_RUNNING after PT15S");
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void inputLinesCarryTheKeyAndTheRequestAndOutputLinesAreReadFromTheOutputDirectory() throws Exception {
        GeminiClient c = track(vertex().build());
        Map<String, GenerateContentRequest> requests = new LinkedHashMap<>();
        requests.put("a", ask("hello"));
        requests.put("b", ask("bye"));
        String input = new String(c.vertexBatchPredictionJobs().inputJsonl(requests), StandardCharsets.UTF_8);
        assertThat(input.lines().map(VertexBatchPredictionJobsTest::tree))
                .containsExactly(
                        tree(
                                "{\"key\":\"a\",\"request\":{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hello\"}]}]}}"),
                        tree(
                                "{\"key\":\"b\",\"request\":{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"bye\"}]}]}}"));
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(
                        "{\"key\":\"b\",\"status\":\"Bad Request: contents[0].role\",\"request\":{}}\n"
                                + "{\"key\":\"a\",\"processed_time\":\"2026-12-03T10:00:00Z\",\"request\":{},"
                                + "\"response\":{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"hi\"}]}}]}}\n")
                .build());
        VertexBatchPredictionJob done = GeminiJson.newMapper()
                .readValue(
                        job(
                                "JOB_STATE_SUCCEEDED",
                                ",\"outputInfo\":{\"gcsOutputDirectory\":\"gs://bkt/out/prediction-model-1\"}"),
                        VertexBatchPredictionJob.class);
        List<VertexBatchPrediction> lines = c.vertexBatchPredictionJobs().predictions(done);
        assertThat(take().getTarget())
                .isEqualTo("/storage/v1/b/bkt/o/out%2Fprediction-model-1%2Fpredictions.jsonl?alt=media");
        assertThat(lines).extracting(VertexBatchPrediction::key).containsExactly("b", "a");
        assertThat(lines.get(0).answered()).isFalse();
        assertThat(lines.get(0).status()).isEqualTo("Bad Request: contents[0].role");
        assertThat(lines.get(1).answered()).isTrue();
        assertThat(lines.get(1).response().text()).isEqualTo("hi");
    }
}
