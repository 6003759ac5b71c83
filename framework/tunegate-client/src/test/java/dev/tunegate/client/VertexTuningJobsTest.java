package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tunegate.client.model.VertexCheckpoint;
import dev.tunegate.client.model.VertexHyperParameters;
import dev.tunegate.client.model.VertexJobState;
import dev.tunegate.client.model.VertexSupervisedTuningSpec;
import dev.tunegate.client.model.VertexTuningJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** Vertex AI tuning jobs over HTTP: the SDKs' wire format, paging, cancel, and waiting on a hand-driven clock. */
class VertexTuningJobsTest extends MockGemini {
    private static final String PARENT = "projects/demo/locations/us-central1";
    private static final String JOB = PARENT + "/tuningJobs/42";

    private GeminiClient.Builder vertex() {
        return vertexBuilder().vertexProject("demo");
    }

    private static String job(String state, String extra) {
        return "{\"name\":\"" + JOB + "\",\"state\":\"" + state + "\",\"baseModel\":\"gemini-2.5-flash\","
                + "\"createTime\":\"2026-12-03T10:00:00.123456Z\"" + extra + "}";
    }

    @Test
    void createSendsTheSdkBodyWithACapitalPAndReadsTheJobBack() {
        GeminiClient c = track(vertex().build());
        server.enqueue(ok(job("JOB_STATE_PENDING", "")));
        VertexTuningJob created = c.vertexTuningJobs()
                .create(VertexTuningJob.supervised(
                        "gemini-2.5-flash",
                        new VertexSupervisedTuningSpec(
                                "gs://b/train.jsonl",
                                "gs://b/val.jsonl",
                                VertexHyperParameters.of(4L, 1.0, "ADAPTER_SIZE_FOUR"),
                                false),
                        "support-bot",
                        null,
                        Map.of("tunegate-hash", "3f2a")));
        assertThat(created.name()).isEqualTo(JOB);
        assertThat(created.state()).isEqualTo(VertexJobState.JOB_STATE_PENDING);
        assertThat(created.createTime()).isEqualTo(Instant.parse("2026-12-03T10:00:00.123456Z"));
        RecordedRequest r = take();
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/v1/" + PARENT + "/tuningJobs");
        assertThat(r.getHeaders().get("Authorization")).startsWith("Bearer ya29.");
        assertThat(r.getHeaders().get("x-goog-api-key")).isNull();
        assertThat(tree(body(r)))
                .isEqualTo(tree("{\"baseModel\":\"gemini-2.5-flash\",\"supervisedTuningSpec\":{"
                        + "\"trainingDatasetUri\":\"gs://b/train.jsonl\",\"validationDatasetUri\":\"gs://b/val.jsonl\","
                        + "\"hyperParameters\":{\"epochCount\":4,\"learningRateMultiplier\":1.0,"
                        + "\"adapterSize\":\"ADAPTER_SIZE_FOUR\"},\"exportLastCheckpointOnly\":false},"
                        + "\"tunedModelDisplayName\":\"support-bot\",\"labels\":{\"tunegate-hash\":\"3f2a\"}}"));
    }

    @Test
    void aFinishedJobCarriesItsCheckpointsWithInt64AsStringsItsStatsAndTimes() {
        GeminiClient c = track(vertex().vertexApiVersion("v1beta1").build());
        server.enqueue(ok(job(
                "JOB_STATE_SUCCEEDED",
                ",\"endTime\":\"2026-12-03T10:05:00Z\",\"tunedModel\":{\"model\":\"" + PARENT + "/models/7@1\","
                        + "\"endpoint\":\"" + PARENT + "/endpoints/e3\",\"checkpoints\":["
                        + "{\"checkpointId\":\"1\",\"epoch\":\"1\",\"step\":\"10\",\"endpoint\":\"" + PARENT
                        + "/endpoints/e1\"},"
                        + "{\"checkpointId\":\"3\",\"epoch\":3,\"step\":30,\"endpoint\":\"" + PARENT
                        + "/endpoints/e3\"}]},"
                        + "\"tuningDataStats\":{\"supervisedTuningDataStats\":{\"tuningDatasetExampleCount\":\"40\"}},"
                        + "\"someFutureField\":{\"x\":1}")));
        VertexTuningJob done = c.vertexTuningJobs().get("42");
        assertThat(take().getTarget()).isEqualTo("/v1beta1/" + JOB);
        assertThat(done.succeeded()).isTrue();
        assertThat(done.isDone()).isTrue();
        assertThat(done.endTime()).isEqualTo(Instant.parse("2026-12-03T10:05:00Z"));
        assertThat(done.tunedModel().checkpointList())
                .containsExactly(
                        new VertexCheckpoint("1", 1L, 10L, PARENT + "/endpoints/e1"),
                        new VertexCheckpoint("3", 3L, 30L, PARENT + "/endpoints/e3"));
        assertThat(done.tunedModel().defaultCheckpoint())
                .map(VertexCheckpoint::checkpointId)
                .hasValue("3");
        assertThat(done.tuningDataStats()
                        .path("supervisedTuningDataStats")
                        .path("tuningDatasetExampleCount")
                        .asText())
                .isEqualTo("40");
    }

    @Test
    void listAllFollowsPagesUntilTheTokenIsAbsentAndPassesTheFilter() {
        GeminiClient c = track(vertex().build());
        server.enqueue(ok("{\"tuningJobs\":[" + job("JOB_STATE_RUNNING", "") + "],\"nextPageToken\":\"t 2\"}"));
        server.enqueue(ok("{\"tuningJobs\":[" + job("JOB_STATE_SUCCEEDED", "") + "]}"));
        List<VertexTuningJob> all = c.vertexTuningJobs()
                .listAll(null, "labels.tunegate-hash=\"3f2a\"")
                .toList();
        assertThat(all)
                .extracting(VertexTuningJob::state)
                .containsExactly(VertexJobState.JOB_STATE_RUNNING, VertexJobState.JOB_STATE_SUCCEEDED);
        assertThat(take().getTarget())
                .isEqualTo("/v1/" + PARENT + "/tuningJobs?filter=labels.tunegate-hash%3D%223f2a%22");
        assertThat(take().getTarget())
                .isEqualTo("/v1/" + PARENT + "/tuningJobs?filter=labels.tunegate-hash%3D%223f2a%22&pageToken=t%202");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void cancelPostsAnEmptyObjectToTheCustomMethod() {
        GeminiClient c = track(vertex().build());
        server.enqueue(ok("{}"));
        c.vertexTuningJobs().cancel(JOB);
        RecordedRequest r = take();
        assertThat(r.getRequestLine()).isEqualTo("POST /v1/" + JOB + ":cancel HTTP/1.1");
        assertThat(body(r)).isEqualTo("{}");
    }

    @Test
    void namesAreCheckedBeforeAnyRequest() {
        GeminiClient withoutProject = track(builder()
                .vertexBaseUrl(baseUrl())
                .vertexCredentials(() -> new VertexClientTest.CountingCredentials(3600))
                .build());
        assertThatThrownBy(() -> withoutProject.vertexTuningJobs().get("42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tunegate.vertex.project");
        assertThatThrownBy(() -> withoutProject.vertexTuningJobs().get("projects/p/tuningJobs/42"))
                .hasMessageContaining("projects/P/locations/L/tuningJobs/ID");
        assertThatThrownBy(() -> withoutProject.vertexTuningJobs().list("projects/p", null, null, null))
                .hasMessageContaining("projects/P/locations/L");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aMissingJobIsA404WhoseMessageStartsWithTheStatus() {
        GeminiClient c = track(vertex().build());
        server.enqueue(error(404, "NOT_FOUND", "TuningJob 43 not found"));
        GeminiApiException e =
                (GeminiApiException) catchThrowable(() -> c.vertexTuningJobs().get(PARENT + "/tuningJobs/43"));
        assertThat(e.getMessage()).startsWith("HTTP 404 NOT_FOUND: TuningJob 43 not found");
    }

    @Test
    void awaitPollsWithGrowingWaitsUntilTerminalAndReportsEveryRead() {
        ManualTicker clock = new ManualTicker();
        GeminiClient c = track(vertex().ticker(clock)
                .operationPolling(Duration.ofSeconds(2), Duration.ofSeconds(3))
                .build());
        server.enqueue(ok(job("JOB_STATE_PENDING", "")));
        server.enqueue(ok(job("JOB_STATE_RUNNING", "")));
        server.enqueue(ok(job("JOB_STATE_RUNNING", "")));
        server.enqueue(ok(job("JOB_STATE_SUCCEEDED", "")));
        List<VertexJobState> seen = new ArrayList<>();
        VertexTuningJob pending = c.vertexTuningJobs().get(JOB);
        VertexTuningJob done =
                c.vertexTuningJobs().await(pending, j -> seen.add(j.state()), Duration.ofMinutes(10), null);
        assertThat(done.succeeded()).isTrue();
        assertThat(seen)
                .containsExactly(
                        VertexJobState.JOB_STATE_RUNNING,
                        VertexJobState.JOB_STATE_RUNNING,
                        VertexJobState.JOB_STATE_SUCCEEDED);
        assertThat(clock.elapsed()).as("2 s, then 3 s (capped), then 3 s").isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void awaitGivesUpAtTheTimeoutAndSaysTheJobKeepsRunning() {
        ManualTicker clock = new ManualTicker();
        GeminiClient c = track(vertex().ticker(clock)
                .operationPolling(Duration.ofSeconds(10), Duration.ofSeconds(10))
                .build());
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok(job("JOB_STATE_RUNNING", "")));
        }
        GeminiApiException e = (GeminiApiException) catchThrowable(
                () -> c.vertexTuningJobs().await(c.vertexTuningJobs().get(JOB), null, Duration.ofSeconds(15), null));
        assertThat(e.getMessage())
                .startsWith("HTTP 0 DEADLINE_EXCEEDED: tuning job " + JOB + " is still JOB_STATE_RUNNING after PT15S")
                .contains("keeps running");
        assertThat(clock.elapsed()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aCancelRequestSendsCancelOnceAndWaitsUntilTheJobIsCancelled() {
        ManualTicker clock = new ManualTicker();
        GeminiClient c = track(vertex().ticker(clock).build());
        server.enqueue(ok(job("JOB_STATE_RUNNING", "")));
        server.enqueue(ok(job("JOB_STATE_RUNNING", "")));
        server.enqueue(ok("{}"));
        server.enqueue(ok(job("JOB_STATE_CANCELLING", "")));
        server.enqueue(ok(job("JOB_STATE_CANCELLED", ",\"error\":{\"code\":1,\"message\":\"cancelled by user\"}")));
        AtomicBoolean cancel = new AtomicBoolean();
        VertexTuningJob done = c.vertexTuningJobs()
                .await(c.vertexTuningJobs().get(JOB), j -> cancel.set(true), Duration.ofMinutes(1), cancel::get);
        assertThat(done.state()).isEqualTo(VertexJobState.JOB_STATE_CANCELLED);
        assertThat(done.error().message()).isEqualTo("cancelled by user");
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
    }

    @Test
    void anInterruptStopsTheWaitWithCancelledAndLeavesTheJobRunning() {
        Ticker interrupted = new Ticker() {
            @Override
            public long nanoTime() {
                return 0;
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                throw new InterruptedException();
            }
        };
        GeminiClient c = track(vertex().ticker(interrupted).build());
        server.enqueue(ok(job("JOB_STATE_RUNNING", "")));
        VertexTuningJob running = c.vertexTuningJobs().get(JOB);
        try {
            GeminiApiException e = (GeminiApiException)
                    catchThrowable(() -> c.vertexTuningJobs().await(running, null, Duration.ofMinutes(1), null));
            assertThat(e.googleStatus()).isEqualTo("CANCELLED");
            assertThat(e.getMessage()).contains(JOB).contains("keeps running");
            assertThat(Thread.currentThread().isInterrupted())
                    .as("the interrupt is kept")
                    .isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getRequestCount()).as("no :cancel was sent").isEqualTo(1);
    }
}
