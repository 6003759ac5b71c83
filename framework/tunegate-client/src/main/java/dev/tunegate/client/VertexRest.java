package dev.tunegate.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;

/**
 * Blocking calls to Google Cloud REST APIs other than generation (Vertex AI tuning jobs, Cloud Storage) through the
 * client's {@link Transport} (limits, retries, redaction) and the Vertex AI credential: what {@link VertexTuningJobs}
 * and {@link CloudStorage} share.
 */
final class VertexRest {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final Transport transport;
    private final OkHttpClient http;
    private final ObjectMapper mapper;

    VertexRest(Transport transport, OkHttpClient http, ObjectMapper mapper) {
        this.transport = transport;
        this.http = http;
        this.mapper = mapper;
    }

    /** Sends {@code body} (null for none) as JSON and reads the answer as {@code type} ({@code Void} ignores it). */
    <T> T json(String method, HttpUrl url, Object body, Class<T> type) {
        byte[] bytes = body == null ? null : write(body);
        return send(method, url, bytes, JSON, (response, start) -> {
            if (type == Void.class) {
                return null;
            }
            return read(response.body(), type);
        });
    }

    /** Reads a JSON response body as {@code type}. */
    <T> T read(ResponseBody body, Class<T> type) throws IOException {
        if (body == null) {
            throw new IOException("empty response body");
        }
        return mapper.readValue(body.bytes(), type);
    }

    /** Sends raw bytes of {@code contentType} (null body for none) and hands the response to {@code handler}. */
    <T> T send(String method, HttpUrl url, byte[] body, MediaType contentType, Transport.BodyHandler<T> handler) {
        return Blocking.await(transport.call(http, method, url, body, contentType, false, handler))
                .value();
    }

    private byte[] write(Object body) {
        return write(mapper, body);
    }

    /** {@code body} as JSON; a body that cannot be written is the caller's mistake. */
    static byte[] write(ObjectMapper mapper, Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + body.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
