package dev.tunegate.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base for client tests: a MockWebServer on 127.0.0.1 and helpers for Gemini-shaped responses. */
abstract class MockGemini {
    static final String KEY = "test-key-123";
    protected MockWebServer server;
    private GeminiClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopServer() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** A builder pointing at the mock server, with a fixed key and fast retries; the read timeout is a safety net only (a loaded machine may stall the first response for seconds). */
    GeminiClient.Builder builder() {
        return GeminiClient.builder()
                .baseUrl(baseUrl())
                .apiKey(() -> KEY)
                .retryPolicy(new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(10)))
                .readTimeout(Duration.ofSeconds(30))
                .operationPolling(Duration.ofMillis(10), Duration.ofMillis(30));
    }

    /**
     * {@link #builder()} with the Vertex AI base URL at the mock server too and credentials that hand out a
     * bearer token valid for an hour.
     */
    GeminiClient.Builder vertexBuilder() {
        return builder()
                .vertexBaseUrl(baseUrl())
                .vertexCredentials(() -> new VertexClientTest.CountingCredentials(3600));
    }

    /** {@code json} read as a tree (a request body to compare), or an AssertionError. */
    static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A client with the default test builder, closed after the test. */
    GeminiClient client() {
        if (client == null) {
            client = builder().build();
        }
        return client;
    }

    GeminiClient track(GeminiClient c) {
        if (client != null) {
            client.close();
        }
        client = c;
        return c;
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    static MockResponse ok(String body) {
        return json(200, body);
    }

    static MockResponse error(int code, String status, String message) {
        return json(
                code,
                "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"}}");
    }

    static MockResponse sse(String... events) {
        StringBuilder sb = new StringBuilder();
        for (String e : events) {
            sb.append("data: ").append(e).append("\r\n\r\n");
        }
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "text/event-stream")
                .body(sb.toString())
                .build();
    }

    static String chunk(String text, String finishReason) {
        return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"" + text + "\"}],\"role\":\"model\"},"
                + (finishReason == null ? "" : "\"finishReason\":\"" + finishReason + "\",") + "\"index\":0}]}";
    }

    static final String HELLO = "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hello!\"}],\"role\":\"model\"},"
            + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":2,"
            + "\"candidatesTokenCount\":1,\"totalTokenCount\":3}}";

    RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no request arrived");
            }
            return r;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
