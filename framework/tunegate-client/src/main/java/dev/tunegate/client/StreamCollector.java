package dev.tunegate.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.GenerateContentResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;

/** Reads one SSE response: parses each {@code data:} event, hands it to the caller, and judges completeness. */
final class StreamCollector extends EventSourceListener {
    private final ObjectMapper mapper;
    private final Consumer<GenerateContentResponse> onChunk;
    private final long startNanos;
    private final String call;
    private final List<GenerateContentResponse> chunks = new ArrayList<>();
    private long firstChunkNanos = -1;
    private Throwable failure;
    private RuntimeException callbackFailure;

    StreamCollector(ObjectMapper mapper, Consumer<GenerateContentResponse> onChunk, long startNanos, String call) {
        this.mapper = mapper;
        this.onChunk = onChunk;
        this.startNanos = startNanos;
        this.call = call;
    }

    @Override
    public void onEvent(EventSource source, String id, String type, String data) {
        if (data == null || data.isBlank()) {
            return;
        }
        GenerateContentResponse chunk;
        try {
            chunk = mapper.readValue(data, GenerateContentResponse.class);
        } catch (IOException | IllegalArgumentException e) {
            failure = new IllegalStateException("malformed stream chunk: " + e.getMessage(), e);
            source.cancel();
            return;
        }
        if (firstChunkNanos < 0) {
            firstChunkNanos = System.nanoTime();
        }
        chunks.add(chunk);
        if (onChunk != null) {
            try {
                onChunk.accept(chunk);
            } catch (RuntimeException e) {
                callbackFailure = e;
                source.cancel();
            }
        }
    }

    @Override
    public void onFailure(EventSource source, Throwable t, Response response) {
        if (failure == null) {
            failure = t != null
                    ? t
                    : new IOException("stream failed with HTTP " + (response == null ? "?" : response.code()));
        }
    }

    /**
     * Throws the transport failure when no chunk reached the caller yet (nothing received, or no chunk consumer),
     * so that the whole call can be retried safely: the retry starts a new collector, so the broken attempt's
     * chunks are dropped, not counted twice.
     */
    void throwIfRetryable() throws IOException {
        if (callbackFailure == null && (chunks.isEmpty() || onChunk == null) && failure instanceof IOException io) {
            throw io;
        }
    }

    /** The result, or the reason the stream is not usable. */
    StreamedResponse result(int retries) {
        if (callbackFailure != null) {
            throw callbackFailure;
        }
        if (failure != null) {
            throw interrupted(
                    (chunks.isEmpty() ? "failed before the first chunk: " : "broken mid-way: ") + failure,
                    retries,
                    failure);
        }
        if (!StreamAssembler.isComplete(chunks)) {
            throw interrupted("ended without a final chunk (no finishReason)", retries, null);
        }
        long end = System.nanoTime();
        return new StreamedResponse(
                chunks,
                StreamAssembler.aggregate(chunks),
                Duration.ofNanos(firstChunkNanos - startNanos),
                Duration.ofNanos(end - startNanos),
                retries);
    }

    private StreamInterruptedException interrupted(String reason, int retries, Throwable cause) {
        return new StreamInterruptedException(
                reason, call, chunks, StreamAssembler.aggregate(chunks), retries + 1, cause);
    }
}
