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

    /**
     * How much of a too large body is read and discarded so that the client, still sending, gets the
     * 400 answer instead of a reset connection; beyond it the answer is sent and the connection closed.
     */
    static final long MAX_DISCARDED_BYTES = 128L * 1024 * 1024;

    private ExchangeReader() {}

    /**
     * The request of {@code exchange}: decoded path and query, lower-case headers, body (at most 20 MiB;
     * a larger one is 400 INVALID_ARGUMENT, after discarding up to {@link #MAX_DISCARDED_BYTES}).
     */
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
        long declared = declaredLength(exchange);
        // not closed before a too-large answer: closing drains the rest, which the client may never send
        InputStream in = ConnectionGuard.watched(exchange.getRequestBody());
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge(declared <= MAX_DISCARDED_BYTES && discardedToTheEnd(in));
        }
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge(discardedToTheEnd(in));
        }
        in.close();
        return new ApiRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT), path, query, headers, body);
    }

    private static long declaredLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1; // the server has already refused it
        }
    }

    /** Reads and drops the rest of the body, up to {@link #MAX_DISCARDED_BYTES}; true if it ended. */
    private static boolean discardedToTheEnd(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long discarded = 0;
        while (discarded <= MAX_DISCARDED_BYTES) {
            int n = in.read(buffer);
            if (n < 0) {
                return true;
            }
            discarded += n;
        }
        return false;
    }

    private static ApiException tooLarge(boolean bodyRead) {
        String message = "Request payload size exceeds the limit: " + MAX_BODY_BYTES + " bytes.";
        return bodyRead
                ? ApiException.invalidArgument(message)
                : new ApiException(400, "INVALID_ARGUMENT", message, null, Map.of("Connection", "close"));
    }
}
