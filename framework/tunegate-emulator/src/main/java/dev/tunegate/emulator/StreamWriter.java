package dev.tunegate.emulator;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.emulator.faults.FaultDecision;
import dev.tunegate.emulator.http.ApiRequest;
import dev.tunegate.emulator.stats.EmulatorStats;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Sends a streamGenerateContent answer: with {@code alt=sse} one {@code data: {json}\r\n\r\n} event
 * per chunk ({@code text/event-stream}, no terminator), otherwise a JSON array of the chunks. An injected
 * cut throws {@link StreamCut} after flushing, so the server drops the connection mid-body.
 */
final class StreamWriter {
    private static final byte[] SSE_PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SSE_SUFFIX = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Thrown to drop a stream's connection without ending the chunked body (an injected cut). */
    static final class StreamCut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StreamCut() {
            super("stream cut by fault injection", null, false, false);
        }
    }

    private final ObjectWriter pretty;
    private final ObjectWriter compact;
    private final EmulatorStats stats;

    StreamWriter(ObjectWriter pretty, ObjectWriter compact, EmulatorStats stats) {
        this.pretty = pretty;
        this.compact = compact;
        this.stats = stats;
    }

    /** Writes {@code chunks} as SSE ({@code alt=sse}) or as a JSON array, applying chunk delays and cuts. */
    void write(HttpExchange exchange, ApiRequest request, List<GenerateContentResponse> chunks, FaultDecision fault)
            throws IOException {
        boolean sse = "sse".equalsIgnoreCase(request.queryParam("alt"));
        Headers h = exchange.getResponseHeaders();
        h.set("Content-Type", sse ? "text/event-stream" : "application/json; charset=UTF-8");
        h.set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        if (!sse) {
            out.write('[');
        }
        int cutPoint = fault.cutPoint(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            if (i > 0 && fault.chunkDelayMillis() > 0) {
                sleep(fault.chunkDelayMillis());
            }
            if (i == cutPoint) {
                out.flush();
                stats.fault("cut");
                throw new StreamCut();
            }
            if (sse) {
                out.write(SSE_PREFIX);
                out.write(compact.writeValueAsBytes(chunks.get(i)));
                out.write(SSE_SUFFIX);
            } else {
                if (i > 0) {
                    out.write(",\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write(pretty.writeValueAsBytes(chunks.get(i)));
            }
            out.flush();
        }
        if (!sse) {
            out.write(']');
        }
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
