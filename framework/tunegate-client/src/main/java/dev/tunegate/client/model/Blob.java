package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Base64;
import org.apiguardian.api.API;

/** Inline media bytes: a MIME type and base64-encoded data (JSON also accepts {@code mime_type}). */
@API(status = API.Status.EXPERIMENTAL)
public record Blob(@JsonAlias("mime_type") String mimeType, String data) {
    /** Encodes raw bytes as base64. */
    public static Blob of(String mimeType, byte[] bytes) {
        return new Blob(mimeType, Base64.getEncoder().encodeToString(bytes));
    }

    /** Decodes {@code data}; null when absent. */
    public byte[] bytes() {
        return data == null ? null : Base64.getDecoder().decode(data);
    }
}
