package dev.tunegate.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.WireJson;
import org.apiguardian.api.API;

/**
 * The one Jackson configuration for the Gemini wire format, shared by client, emulator and engine.
 *
 * <p>Reading is tolerant, as the API's own examples require: unknown fields are ignored, unknown enum
 * values become {@code UNRECOGNIZED}, enum names are matched case-insensitively ("auto", "object"),
 * snake_case request keys are accepted (via aliases on the records), a single object is accepted where an
 * array is expected ({@code "contents": {"parts": {...}}}), and trailing commas are allowed. Timestamps are
 * {@link java.time.Instant}s read from RFC 3339 with any fraction and offset and written as {@code ...Z}.
 * Writing omits nulls. The configuration itself lives beside the wire types ({@link WireJson}).
 *
 * <p>{@code INTERNAL}: TuneGate's emulator and engine share it; users of the client get typed values from
 * {@link GeminiClient} and need no mapper of their own.
 */
@API(status = API.Status.INTERNAL)
public final class GeminiJson {
    private GeminiJson() {}

    /** A new, independently configurable mapper with the wire-format configuration. */
    public static ObjectMapper newMapper() {
        return WireJson.newMapper();
    }
}
