package dev.tunegate.client;

import dev.tunegate.client.model.GenerateContentResponse;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A streamGenerateContent call that ended without a final chunk (no finishReason and no blocked prompt) or
 * broke mid-way. It keeps the chunks received so far and their aggregate. Its message starts with
 * {@code HTTP 200 UNAVAILABLE:} because the HTTP exchange itself had succeeded.
 */
@API(status = API.Status.STABLE)
public final class StreamInterruptedException extends GeminiApiException {
    private final transient List<GenerateContentResponse> chunks;
    private final transient GenerateContentResponse partialResponse;

    public StreamInterruptedException(
            String reason,
            String call,
            List<GenerateContentResponse> chunks,
            GenerateContentResponse partialResponse,
            Throwable cause) {
        this(reason, call, chunks, partialResponse, 1, cause);
    }

    /** With the attempts the call made, so that its retries ({@code attempts - 1}) are not lost. */
    StreamInterruptedException(
            String reason,
            String call,
            List<GenerateContentResponse> chunks,
            GenerateContentResponse partialResponse,
            int attempts,
            Throwable cause) {
        super(
                200,
                "UNAVAILABLE",
                "stream interrupted after " + chunks.size() + " chunk(s): " + reason,
                null,
                null,
                call,
                attempts,
                cause);
        this.chunks = List.copyOf(chunks);
        this.partialResponse = partialResponse;
    }

    /** The chunks received before the stream broke. */
    public List<GenerateContentResponse> chunks() {
        return chunks;
    }

    /** The aggregate of {@link #chunks()}, or null when none arrived. */
    public GenerateContentResponse partialResponse() {
        return partialResponse;
    }
}
