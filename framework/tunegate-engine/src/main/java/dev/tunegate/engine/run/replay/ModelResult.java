package dev.tunegate.engine.run.replay;

import dev.tunegate.client.model.GenerateContentResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of a successful model call, live or replayed: the response (one element) or the stream's
 * chunks, and its timings. A replayed result carries the recorded timings, so latency matchers judge
 * a replay exactly as they judged the recorded run. {@code retries} are the transport retries of a
 * live call (always 0 when replayed). {@code recordedAt} is when a replayed answer was recorded (null when
 * live, or replayed from a recording older than that field).
 */
@API(status = API.Status.INTERNAL)
public record ModelResult(
        List<GenerateContentResponse> chunks,
        Duration latency,
        Duration timeToFirstChunk,
        int retries,
        boolean replayed,
        Instant recordedAt) {
    public ModelResult {
        chunks = List.copyOf(Objects.requireNonNull(chunks, "chunks"));
        Objects.requireNonNull(latency, "latency");
    }

    /** A result without a recording time. */
    public ModelResult(
            List<GenerateContentResponse> chunks,
            Duration latency,
            Duration timeToFirstChunk,
            int retries,
            boolean replayed) {
        this(chunks, latency, timeToFirstChunk, retries, replayed, null);
    }

    /** A live unary response. */
    public static ModelResult of(GenerateContentResponse response, Duration latency) {
        return new ModelResult(List.of(response), latency, null, 0, false);
    }

    /** A live stream's chunks. */
    public static ModelResult ofStream(
            List<GenerateContentResponse> chunks, Duration latency, Duration timeToFirstChunk) {
        return new ModelResult(chunks, latency, timeToFirstChunk, 0, false);
    }

    /** The unary response, or the last chunk of a stream. */
    public GenerateContentResponse response() {
        return chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
    }
}
