package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tunegate.client.model.GenerateContentRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A canary key must appear only in the x-goog-api-key header: nowhere in URLs, logs, events or exceptions. */
class CanaryKeyTest extends MockGemini {
    private static final String CANARY = "canary-key-CANARY-0123456789-do-not-leak";
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final Logger julLogger = Logger.getLogger("dev.tunegate.client");
    private Level previousLevel;
    private final Handler capture = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            logLines.add(formatter.format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        previousLevel = julLogger.getLevel();
        julLogger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        julLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLogs() {
        julLogger.removeHandler(capture);
        julLogger.setLevel(previousLevel);
    }

    private static String everything(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out + "\n" + t;
    }

    /** The failures' messages, details and stack traces, the retry events and the log lines, as one text. */
    private String everythingProduced(List<Throwable> failures, List<RetryEvent> events) {
        StringBuilder produced = new StringBuilder();
        for (Throwable t : failures) {
            if (t instanceof GeminiApiException api) {
                produced.append(api.details())
                        .append('\n')
                        .append(api.serverMessage())
                        .append('\n');
            }
            produced.append(everything(t)).append('\n');
        }
        events.forEach(e -> produced.append(e).append('\n'));
        logLines.forEach(produced::append);
        return produced.toString();
    }

    @Test
    void keyAppearsOnlyInTheHeader() {
        List<RetryEvent> events = new CopyOnWriteArrayList<>();
        GeminiClient c = track(builder()
                .apiKey(() -> CANARY)
                .retryListener(events::add)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)))
                .build());
        String echo = "API key " + CANARY + " not valid. Called with ?key=" + CANARY;
        // 1. a server that echoes the key in its message and details
        server.enqueue(json(
                400,
                "{\"error\":{\"code\":400,\"message\":\"" + echo + "\",\"status\":\"INVALID_ARGUMENT\","
                        + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\","
                        + "\"metadata\":{\"key\":\"" + CANARY + "\"}}]}}"));
        // 2. a retried 429 echoing it, then a final 503 echoing it in a non-JSON body
        server.enqueue(error(429, "RESOURCE_EXHAUSTED", echo));
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .body("overloaded for " + CANARY)
                .build());
        // 3. a success, a stream that breaks, and a stream error
        server.enqueue(ok(HELLO));
        server.enqueue(sse(chunk("partial " + CANARY, null)));
        server.enqueue(error(403, "PERMISSION_DENIED", echo));

        List<Throwable> failures = new ArrayList<>();
        failures.add(catchThrowable(() -> c.generateContent("gemini-2.0-flash", "hi")));
        failures.add(catchThrowable(() -> c.getTunedModel("tunedModels/x")));
        assertThat(c.generateContent("gemini-2.0-flash", "hi").text()).isEqualTo("Hello!");
        failures.add(catchThrowable(
                () -> c.streamGenerateContent("gemini-2.0-flash", GenerateContentRequest.of("hi"), null)));
        failures.add(catchThrowable(() -> c.listTunedModels(1, null, null)));
        assertThat(failures).doesNotContainNull().hasSize(4);
        assertThat(failures.get(0)).isInstanceOf(GeminiApiException.class);
        assertThat(((GeminiApiException) failures.get(0)).details().toString())
                .doesNotContain(CANARY)
                .contains("[REDACTED]");

        StringBuilder produced = new StringBuilder(everythingProduced(failures, events));
        produced.append(c)
                .append('\n')
                .append(GeminiClient.builder().apiKey(() -> CANARY))
                .append('\n')
                .append(c.metrics())
                .append('\n');

        int requests = server.getRequestCount();
        assertThat(requests).isEqualTo(6);
        for (int i = 0; i < requests; i++) {
            RecordedRequest r = take();
            assertThat(r.getHeaders().get("x-goog-api-key")).isEqualTo(CANARY);
            produced.append(r.getUrl())
                    .append(' ')
                    .append(r.getRequestLine())
                    .append(' ')
                    .append(r.getTarget())
                    .append('\n');
        }

        assertThat(events).isNotEmpty();
        assertThat(logLines).as("the client logged its retries").isNotEmpty();
        assertThat(produced.toString()).doesNotContain(CANARY).doesNotContain("CANARY");
    }

    @Test
    void bearerTokenAndExpressKeyAppearOnlyInTheirHeadersAcross401403429And500() {
        String token = "ya29.CANARY-bearer-0123456789-do-not-leak";
        String expressKey = "express-CANARY-key-0123456789";
        List<RetryEvent> events = new CopyOnWriteArrayList<>();
        RetryPolicy fast = new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5));
        GeminiClient bearer = track(builder()
                .vertexBaseUrl(baseUrl())
                .vertexCredentials(
                        () -> com.google.auth.oauth2.GoogleCredentials.create(new com.google.auth.oauth2.AccessToken(
                                token,
                                java.util.Date.from(java.time.Instant.now().plusSeconds(3600)))))
                .retryListener(events::add)
                .retryPolicy(fast)
                .build());
        String echo = "Request had invalid authentication credentials: Bearer " + token;
        server.enqueue(error(401, "UNAUTHENTICATED", echo));
        server.enqueue(error(403, "PERMISSION_DENIED", echo));
        server.enqueue(error(429, "RESOURCE_EXHAUSTED", echo));
        server.enqueue(error(429, "RESOURCE_EXHAUSTED", echo));
        server.enqueue(error(500, "INTERNAL", echo));
        server.enqueue(error(500, "INTERNAL", echo));
        String endpoint = "projects/p/locations/us-central1/endpoints/1";
        List<Throwable> failures = new ArrayList<>();
        failures.add(catchThrowable(() -> bearer.generateContent(endpoint, "hi")));
        failures.add(catchThrowable(() -> bearer.generateContent(endpoint, "hi")));
        failures.add(catchThrowable(() -> bearer.generateContent(endpoint, "hi")));
        failures.add(
                catchThrowable(() -> bearer.streamGenerateContent(endpoint, GenerateContentRequest.of("hi"), null)));
        String produced0 = bearer.toString();

        GeminiClient express = track(builder()
                .vertexBaseUrl(baseUrl())
                .vertexApiKey(() -> expressKey)
                .retryListener(events::add)
                .retryPolicy(fast)
                .build());
        String expressEcho = "API key not valid: " + expressKey;
        server.enqueue(error(401, "UNAUTHENTICATED", expressEcho));
        server.enqueue(error(403, "PERMISSION_DENIED", expressEcho));
        failures.add(catchThrowable(() -> express.generateContent("publishers/google/models/gemini-2.5-flash", "hi")));
        failures.add(catchThrowable(() -> express.generateContent("publishers/google/models/gemini-2.5-flash", "hi")));

        assertThat(failures).doesNotContainNull().hasSize(6).allMatch(GeminiApiException.class::isInstance);
        assertThat(failures)
                .extracting(t -> ((GeminiApiException) t).httpStatus())
                .containsExactly(401, 403, 429, 500, 401, 403);
        StringBuilder produced =
                new StringBuilder(produced0).append('\n').append(express).append('\n');
        produced.append(everythingProduced(failures, events));
        int requests = server.getRequestCount();
        assertThat(requests).isEqualTo(8);
        for (int i = 0; i < requests; i++) {
            RecordedRequest r = take();
            if (i < 6) {
                assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
            } else {
                assertThat(r.getHeaders().get("x-goog-api-key")).isEqualTo(expressKey);
            }
            produced.append(r.getUrl()).append(' ').append(r.getRequestLine()).append('\n');
        }
        assertThat(produced.toString())
                .doesNotContain(token)
                .doesNotContain(expressKey)
                .doesNotContain("CANARY");
    }

    @Test
    void theBearerTokenStaysInItsHeaderInTuningJobAndCloudStorageCalls() {
        String token = "ya29.CANARY-storage-0123456789-do-not-leak";
        List<RetryEvent> events = new CopyOnWriteArrayList<>();
        GeminiClient c = track(builder()
                .vertexBaseUrl(baseUrl())
                .vertexProject("p")
                .vertexCredentials(
                        () -> com.google.auth.oauth2.GoogleCredentials.create(new com.google.auth.oauth2.AccessToken(
                                token,
                                java.util.Date.from(java.time.Instant.now().plusSeconds(3600)))))
                .retryListener(events::add)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)))
                .build());
        String echo = "Request had invalid authentication credentials: Bearer " + token;
        server.enqueue(error(401, "UNAUTHENTICATED", echo));
        server.enqueue(error(503, "UNAVAILABLE", echo));
        server.enqueue(error(503, "UNAVAILABLE", echo));
        server.enqueue(error(403, "PERMISSION_DENIED", echo));
        server.enqueue(new MockResponse.Builder()
                .code(404)
                .body("No such object: " + token)
                .build());
        server.enqueue(error(400, "FAILED_PRECONDITION", echo));
        List<Throwable> failures = new ArrayList<>();
        failures.add(catchThrowable(() -> c.vertexTuningJobs()
                .create(dev.tunegate.client.model.VertexTuningJob.supervised(
                        "gemini-2.5-flash",
                        new dev.tunegate.client.model.VertexSupervisedTuningSpec("gs://b/t.jsonl", null, null, null),
                        "x",
                        null,
                        null))));
        failures.add(catchThrowable(() -> c.vertexTuningJobs().get("42")));
        failures.add(catchThrowable(() -> c.cloudStorage().upload("b-1", "t.jsonl", new byte[] {1}, null)));
        failures.add(catchThrowable(() -> c.cloudStorage().download("b-1", "t.jsonl")));
        failures.add(catchThrowable(() -> c.vertexTuningJobs().cancel("42")));
        assertThat(failures).doesNotContainNull().allMatch(GeminiApiException.class::isInstance);
        assertThat(failures)
                .extracting(t -> ((GeminiApiException) t).httpStatus())
                .containsExactly(401, 503, 403, 404, 400);
        StringBuilder produced = new StringBuilder()
                .append(c)
                .append(c.vertexTuningJobs())
                .append(c.cloudStorage())
                .append('\n');
        produced.append(everythingProduced(failures, events));
        int requests = server.getRequestCount();
        assertThat(requests).isEqualTo(6);
        for (int i = 0; i < requests; i++) {
            RecordedRequest r = take();
            assertThat(r.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
            produced.append(r.getUrl()).append(' ').append(r.getRequestLine()).append('\n');
        }
        assertThat(events).isNotEmpty();
        assertThat(produced.toString()).doesNotContain(token).doesNotContain("CANARY");
    }
}
