package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tunegate.client.model.GenerateContentRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which failures are retried, how long the client waits, and how retries are observed. */
class RetryTest extends MockGemini {
    private final List<RetryEvent> events = new CopyOnWriteArrayList<>();

    private GeminiClient retrying() {
        return track(builder().retryListener(events::add).build());
    }

    @Test
    void honoursRetryAfterSeconds() {
        GeminiClient c = retrying();
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "1")
                .body("{\"error\":{\"code\":429,\"message\":\"slow down\",\"status\":\"RESOURCE_EXHAUSTED\"}}")
                .build());
        server.enqueue(ok(HELLO));
        long start = System.nanoTime();
        GenerateContentResult result = c.generateContentResult("gemini-2.0-flash", GenerateContentRequest.of("x"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.text()).isEqualTo("Hello!");
        assertThat(result.retries()).isEqualTo(1);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.httpStatus()).isEqualTo(429);
            assertThat(e.failedAttempt()).isEqualTo(1);
            assertThat(e.delay()).isEqualTo(Duration.ofSeconds(1));
            assertThat(e.call()).isEqualTo("POST /v1beta/models/gemini-2.0-flash:generateContent");
            assertThat(e.reason()).isEqualTo("RESOURCE_EXHAUSTED: slow down");
        });
    }

    @Test
    void honoursRetryInfoRetryDelay() {
        GeminiClient c = retrying();
        server.enqueue(
                json(
                        429,
                        "{\"error\":{\"code\":429,\"message\":\"quota\",\"status\":\"RESOURCE_EXHAUSTED\","
                                + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"0.3s\"}]}}"));
        server.enqueue(ok(HELLO));
        long start = System.nanoTime();
        GenerateContentResult result = c.generateContentResult("gemini-2.0-flash", GenerateContentRequest.of("x"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(290));
        assertThat(result.retries()).isEqualTo(1);
        assertThat(events).singleElement().extracting(RetryEvent::delay).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void exceptionExposesRetryDelay() {
        GeminiClient c = track(builder().retryPolicy(RetryPolicy.none()).build());
        server.enqueue(
                json(
                        429,
                        "{\"error\":{\"code\":429,\"message\":\"q\",\"status\":\"RESOURCE_EXHAUSTED\","
                                + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"34s\"}]}}"));
        GeminiApiException e = catchThrowableOfType(GeminiApiException.class, () -> c.generateContent("m", "x"));
        assertThat(e.retryDelay()).contains(Duration.ofSeconds(34));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422})
    void neverRetriesOtherClientErrors(int code) {
        GeminiClient c = retrying();
        server.enqueue(error(code, ApiErrors.canonicalStatus(code), "no"));
        server.enqueue(ok(HELLO));
        catchThrowableOfType(GeminiApiException.class, () -> c.generateContent("m", "x"));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(events).isEmpty();
        assertThat(c.metrics().retries()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void retriesTransientStatuses(int code) {
        GeminiClient c = retrying();
        server.enqueue(error(code, ApiErrors.canonicalStatus(code), "transient"));
        server.enqueue(ok(HELLO));
        assertThat(c.generateContentResult("m", GenerateContentRequest.of("x")).retries())
                .isEqualTo(1);
        assertThat(events).extracting(RetryEvent::httpStatus).containsExactly(code);
    }

    @Test
    void retriesConnectionFailures() {
        GeminiClient c = retrying();
        server.enqueue(new MockResponse.Builder()
                .onRequestStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(ok(HELLO));
        GenerateContentResult result = c.generateContentResult("m", GenerateContentRequest.of("x"));
        assertThat(result.text()).isEqualTo("Hello!");
        assertThat(result.retries()).isEqualTo(1);
        assertThat(events).singleElement().extracting(RetryEvent::httpStatus).isEqualTo(0);
    }

    @Test
    void stopsAtMaxAttempts() {
        GeminiClient c = retrying();
        for (int i = 0; i < 6; i++) {
            server.enqueue(error(503, "UNAVAILABLE", "overloaded"));
        }
        GeminiApiException e = catchThrowableOfType(GeminiApiException.class, () -> c.generateContent("m", "x"));
        assertThat(e.attempts()).isEqualTo(4);
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(events).extracting(RetryEvent::failedAttempt).containsExactly(1, 2, 3);
        assertThat(c.metrics().retries()).isEqualTo(3);
        assertThat(c.metrics().attempts()).isEqualTo(4);
        assertThat(c.metrics().failedCalls()).isEqualTo(1);
    }

    @Test
    void stopsWhenTheNextWaitWouldExceedTotalTime() {
        GeminiClient c = track(builder()
                .retryListener(events::add)
                .retryPolicy(new RetryPolicy(10, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(500)))
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(429)
                .setHeader("Retry-After", "2")
                .body("{\"error\":{\"code\":429,\"message\":\"wait\",\"status\":\"RESOURCE_EXHAUSTED\"}}")
                .build());
        GeminiApiException e = catchThrowableOfType(GeminiApiException.class, () -> c.generateContent("m", "x"));
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.retryDelay()).contains(Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(events).isEmpty();
    }

    @Test
    void retriesUntilTheDeadlineAndTheFailureCarriesItsAttempts() {
        // Each reading of the client's clock moves it by 10 s: with the default 120 s deadline, attempt k fails at
        // 10k s, so 12 retries fit and the 13th failure is final (the attempt cap of 20 is not reached).
        GeminiClient c = track(builder()
                .retryListener(events::add)
                .retryPolicy(RetryPolicy.defaults())
                .ticker(new ManualTicker(Duration.ofSeconds(10)))
                .build());
        for (int i = 0; i < 20; i++) {
            server.enqueue(new MockResponse.Builder()
                    .code(429)
                    .setHeader("Retry-After", "0")
                    .body("{\"error\":{\"code\":429,\"message\":\"quota\",\"status\":\"RESOURCE_EXHAUSTED\"}}")
                    .build());
        }
        GeminiApiException e = catchThrowableOfType(GeminiApiException.class, () -> c.generateContent("m", "x"));
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.attempts()).isEqualTo(13);
        assertThat(e.getMessage()).endsWith(", 13 attempts]");
        assertThat(server.getRequestCount()).isEqualTo(13);
        assertThat(events).hasSize(12);
    }

    @Test
    void fullJitterStaysWithinExponentialCeiling() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofMinutes(1));
        for (int i = 0; i < 200; i++) {
            assertThat(RetryDelays.backoff(p, 1)).isBetween(Duration.ZERO, Duration.ofMillis(100));
            assertThat(RetryDelays.backoff(p, 3)).isBetween(Duration.ZERO, Duration.ofMillis(400));
            assertThat(RetryDelays.backoff(p, 40)).isBetween(Duration.ZERO, Duration.ofMillis(1000));
        }
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> RetryDelays.backoff(p, 4))
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void parsesRetryHints() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryDelays.parseRetryAfter("120", clock)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryDelays.parseRetryAfter("Mon, 23 Nov 2026 06:00:30 GMT", clock))
                .isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryDelays.parseRetryAfter("Mon, 23 Nov 2026 05:00:00 GMT", clock))
                .isEqualTo(Duration.ZERO);
        assertThat(RetryDelays.parseRetryAfter("soon", clock)).isNull();
        assertThat(RetryDelays.parseProtoDuration("34s")).isEqualTo(Duration.ofSeconds(34));
        assertThat(RetryDelays.parseProtoDuration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(RetryDelays.parseProtoDuration("0.000000001s")).isEqualTo(Duration.ofNanos(1));
        assertThat(RetryDelays.parseProtoDuration("34")).isNull();
        assertThat(RetryDelays.parseProtoDuration("-1s")).isNull();
    }
}
