package dev.tunegate.client;

import dev.tunegate.client.model.GenerateContentResponse;
import java.time.Duration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A completed streamGenerateContent call: every chunk as received, the aggregated response (texts
 * concatenated per candidate, the last finishReason, safety ratings and usage), and timings measured from the
 * moment the call held its concurrency permit (queueing is excluded; retries and their backoff are included).
 */
@API(status = API.Status.STABLE)
public record StreamedResponse(
        List<GenerateContentResponse> chunks,
        GenerateContentResponse response,
        Duration timeToFirstChunk,
        Duration total,
        int retries) {
    public StreamedResponse {
        chunks = List.copyOf(chunks);
    }

    /** Number of chunks received. */
    public int chunkCount() {
        return chunks.size();
    }

    /** The aggregated first candidate's text, or null. */
    public String text() {
        return response == null ? null : response.text();
    }
}
