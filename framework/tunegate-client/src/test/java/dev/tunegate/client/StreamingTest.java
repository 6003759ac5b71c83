package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tunegate.client.model.BlockReason;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.HarmProbability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/** SSE framing, chunk delivery, aggregation, timings and broken streams. */
class StreamingTest extends MockGemini {
    private static final GenerateContentRequest REQUEST = GenerateContentRequest.of("Write a story");

    /** A chunked SSE body written event by event, pausing or failing on cue. */
    private static MockResponse sseBody(MockResponseBody body) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(body)
                .onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE)
                .build();
    }

    private static void event(BufferedSink sink, String json) throws IOException {
        sink.writeString("data: " + json + "\r\n\r\n", StandardCharsets.UTF_8);
        sink.flush();
    }

    @Test
    void assemblesChunksIntoOneResponse() {
        server.enqueue(
                sse(
                        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Once upon a time\"}],\"role\":\"model\"},\"index\":0}],"
                                + "\"usageMetadata\":{\"promptTokenCount\":8}}",
                        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\", a backpack\"}],\"role\":\"model\"},\"index\":0,"
                                + "\"safetyRatings\":[{\"category\":\"HARM_CATEGORY_HARASSMENT\",\"probability\":\"LOW\"}]}]}",
                        "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"...\"}],\"role\":\"model\"},\"finishReason\":\"STOP\",\"index\":0}],"
                                + "\"usageMetadata\":{\"promptTokenCount\":8,\"candidatesTokenCount\":12,\"totalTokenCount\":20}}"));
        List<GenerateContentResponse> seen = new CopyOnWriteArrayList<>();
        StreamedResponse s = client().streamGenerateContent("gemini-2.0-flash", REQUEST, seen::add);
        assertThat(seen).hasSize(3);
        assertThat(s.chunks()).isEqualTo(seen);
        assertThat(s.chunkCount()).isEqualTo(3);
        assertThat(s.text()).isEqualTo("Once upon a time, a backpack...");
        assertThat(s.response().candidates()).hasSize(1);
        assertThat(s.response().candidates().get(0).content().parts()).hasSize(1);
        assertThat(s.response().candidates().get(0).content().role()).isEqualTo("model");
        assertThat(s.response().finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(s.response().usageMetadata().totalTokenCount()).isEqualTo(20);
        assertThat(s.response().firstCandidate().safetyRatings())
                .singleElement()
                .extracting(r -> r.probability())
                .isEqualTo(HarmProbability.LOW);
        assertThat(s.timeToFirstChunk()).isPositive().isLessThanOrEqualTo(s.total());
        assertThat(s.retries()).isZero();
    }

    @Test
    void deliversChunksAsTheyArrive() throws Exception {
        CountDownLatch firstSeen = new CountDownLatch(1);
        server.enqueue(sseBody(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                event(sink, chunk("first", null));
                try {
                    if (!firstSeen.await(5, TimeUnit.SECONDS)) {
                        throw new IOException("client never saw the first chunk");
                    }
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                event(sink, chunk(" second", "STOP"));
            }
        }));
        List<String> texts = new CopyOnWriteArrayList<>();
        StreamedResponse s = client().streamGenerateContent("gemini-2.0-flash", REQUEST, c -> {
            texts.add(c.text());
            firstSeen.countDown();
        });
        assertThat(texts).containsExactly("first", " second");
        assertThat(s.text()).isEqualTo("first second");
    }

    @Test
    void streamCutMidWayKeepsTheChunksReceived() {
        server.enqueue(sseBody(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return 100_000; // promises more than is sent, so closing the socket is a truncation
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                event(sink, chunk("Once", null));
                event(sink, chunk(" upon", null));
                sink.writeString("data: {\"candidates\":[{\"content\":{\"par", StandardCharsets.UTF_8);
                sink.flush();
            }
        }));
        List<GenerateContentResponse> seen = new CopyOnWriteArrayList<>();
        StreamInterruptedException e = catchThrowableOfType(
                StreamInterruptedException.class,
                () -> client().streamGenerateContent("gemini-2.0-flash", REQUEST, seen::add));
        assertThat(e.getMessage())
                .startsWith("HTTP 200 UNAVAILABLE: stream interrupted after 2 chunk(s): broken mid-way");
        assertThat(e.chunks()).hasSize(2).isEqualTo(seen);
        assertThat(e.partialResponse().text()).isEqualTo("Once upon");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void streamCutMidWayIsRetriedWholeWhenNoChunkReachedTheCaller() {
        server.enqueue(sseBody(new MockResponseBody() {
            @Override
            public long getContentLength() {
                return 100_000; // promises more than is sent, so closing the socket is a truncation
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                event(sink, chunk("Once", null));
                sink.writeString("data: {\"candidates\":[{\"content\":{\"par", StandardCharsets.UTF_8);
                sink.flush();
            }
        }));
        server.enqueue(sse(chunk("Hello", null), chunk(" again", "STOP")));
        StreamedResponse s = client().streamGenerateContent("gemini-2.0-flash", REQUEST, null);
        // The broken attempt's chunk is dropped, not merged: the answer is the second attempt's alone, one retry.
        assertThat(s.text()).isEqualTo("Hello again");
        assertThat(s.chunks()).hasSize(2);
        assertThat(s.retries()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void streamEndingWithoutFinishReasonIsInterrupted() {
        server.enqueue(sse(chunk("Once", null), chunk(" upon", null)));
        StreamInterruptedException e = catchThrowableOfType(
                StreamInterruptedException.class,
                () -> client().streamGenerateContent("gemini-2.0-flash", REQUEST, null));
        assertThat(e.getMessage()).contains("ended without a final chunk");
        assertThat(e.chunks()).hasSize(2);
        assertThat(e.partialResponse().text()).isEqualTo("Once upon");
        assertThat(e.call()).isEqualTo("POST /v1beta/models/gemini-2.0-flash:streamGenerateContent");
    }

    @Test
    void blockedPromptIsASingleCompleteChunk() {
        server.enqueue(sse("{\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":[{\"category\":"
                + "\"HARM_CATEGORY_HARASSMENT\",\"probability\":\"HIGH\",\"blocked\":true}]}}"));
        StreamedResponse s = client().streamGenerateContent("gemini-2.0-flash", REQUEST, null);
        assertThat(s.response().isPromptBlocked()).isTrue();
        assertThat(s.response().promptFeedback().blockReason()).isEqualTo(BlockReason.SAFETY);
        assertThat(s.response().candidates()).isNull();
        assertThat(s.text()).isNull();
    }

    @Test
    void errorBeforeTheStreamIsRetried() {
        server.enqueue(error(503, "UNAVAILABLE", "overloaded"));
        server.enqueue(sse(chunk("ok", "STOP")));
        StreamedResponse s = client().streamGenerateContent("gemini-2.0-flash", REQUEST, null);
        assertThat(s.text()).isEqualTo("ok");
        assertThat(s.retries()).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void clientErrorBeforeTheStreamIsAnApiException() {
        server.enqueue(error(400, "INVALID_ARGUMENT", "contents must not be empty"));
        GeminiApiException e = catchThrowableOfType(
                GeminiApiException.class, () -> client().streamGenerateContent("gemini-2.0-flash", REQUEST, null));
        assertThat(e).isNotInstanceOf(StreamInterruptedException.class);
        assertThat(e.getMessage()).startsWith("HTTP 400 INVALID_ARGUMENT: contents must not be empty");
    }

    @Test
    void asyncStreamCompletesWithTimings() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body("data: " + chunk("a", null) + "\n\ndata: " + chunk("b", "MAX_TOKENS") + "\n\n")
                .headersDelay(100, TimeUnit.MILLISECONDS)
                .build());
        CompletableFuture<StreamedResponse> f = client().streamGenerateContentAsync("gemini-2.0-flash", REQUEST, null);
        StreamedResponse s = f.get(5, TimeUnit.SECONDS);
        assertThat(s.text()).isEqualTo("ab");
        assertThat(s.response().finishReason()).isEqualTo(FinishReason.MAX_TOKENS);
        assertThat(s.timeToFirstChunk()).isGreaterThanOrEqualTo(Duration.ofMillis(90));
    }

    @Test
    void asyncStreamFailureCompletesExceptionally() {
        server.enqueue(sse(chunk("a", null)));
        CompletableFuture<StreamedResponse> f = client().streamGenerateContentAsync("gemini-2.0-flash", REQUEST, null);
        ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
        assertThat(e.getCause()).isInstanceOf(StreamInterruptedException.class);
    }

    @Test
    void malformedChunkIsNotRetriedAndReported() {
        server.enqueue(sse(chunk("a", null), "{not json"));
        StreamInterruptedException e = catchThrowableOfType(
                StreamInterruptedException.class,
                () -> client().streamGenerateContent("gemini-2.0-flash", REQUEST, null));
        assertThat(e.getMessage()).contains("malformed stream chunk");
        assertThat(e.chunks()).hasSize(1);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void multipleCandidatesAreAggregatedByIndex() {
        server.enqueue(sse(
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]},\"index\":0},"
                        + "{\"content\":{\"parts\":[{\"text\":\"x\"}]},\"index\":1}]}",
                "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"b\"}]},\"finishReason\":\"STOP\",\"index\":0},"
                        + "{\"content\":{\"parts\":[{\"text\":\"y\"}]},\"finishReason\":\"STOP\",\"index\":1}]}"));
        StreamedResponse s = client().streamGenerateContent("gemini-2.0-flash", REQUEST, null);
        assertThat(s.response().candidates()).extracting(c -> c.text()).containsExactly("ab", "xy");
    }
}
