package dev.tunegate.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One HTTP request as handlers see it: method, decoded path (e.g. {@code /v1beta/tunedModels/abc}),
 * decoded query parameters, headers (lower-case names) and the body bytes.
 */
@API(status = API.Status.EXPERIMENTAL)
public record ApiRequest(
        String method, String path, Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body) {
    /** The first value of query parameter {@code name}, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The first value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Whether the body holds anything but whitespace. */
    public boolean hasBody() {
        return !bodyText().isBlank();
    }
}
