package dev.tunegate.emulator;

import com.sun.net.httpserver.HttpExchange;
import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.http.ApiRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns an {@link HttpExchange} into an {@link ApiRequest}. */
final class ExchangeReader {
    /** Largest accepted request body (as the service's 20 MB inline-data limit). */
    static final int MAX_BODY_BYTES = 20 * 1024 * 1024;

    private ExchangeReader() {}

    /** The request of {@code exchange}: decoded path and query, lower-case headers, body (at most 20 MiB). */
    static ApiRequest read(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Map<String, List<String>> query = new LinkedHashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        ApiRequest request =
                new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path, query, headers, body);
        if (body.length > MAX_BODY_BYTES) {
            throw ApiException.invalidArgument("Request payload size exceeds the limit: " + MAX_BODY_BYTES + " bytes.");
        }
        return request;
    }
}
