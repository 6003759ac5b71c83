package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tunegate.client.model.GenerateContentRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error class becomes a GeminiApiException whose message starts with the HTTP status. */
class ErrorsTest extends MockGemini {

    @ParameterizedTest
    @CsvSource({
        "400, INVALID_ARGUMENT, Request contains an invalid argument.",
        "400, FAILED_PRECONDITION, Tuned model is not ACTIVE.",
        "401, UNAUTHENTICATED, Request had invalid authentication credentials.",
        "403, PERMISSION_DENIED, API key not valid.",
        "404, NOT_FOUND, Tuned model tunedModels/x not found.",
        "409, ALREADY_EXISTS, Tuned model tunedModels/x already exists.",
    })
    void clientErrorsCarryStatusAndAreNotRetried(int code, String status, String message) {
        server.enqueue(error(code, status, message));
        GeminiApiException e =
                catchThrowableOfType(GeminiApiException.class, () -> client().getTunedModel("tunedModels/x"));
        assertThat(e.getMessage())
                .isEqualTo("HTTP " + code + " " + status + ": " + message + " [GET /v1beta/tunedModels/x]");
        assertThat(e.httpStatus()).isEqualTo(code);
        assertThat(e.googleStatus()).isEqualTo(status);
        assertThat(e.serverMessage()).isEqualTo(message);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.isRetryable()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "429, RESOURCE_EXHAUSTED",
        "500, INTERNAL",
        "503, UNAVAILABLE",
        "504, DEADLINE_EXCEEDED",
    })
    void serverErrorsAreRetriedThenReported(int code, String status) {
        GeminiClient c = track(builder()
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)))
                .build());
        server.enqueue(error(code, status, "boom"));
        server.enqueue(error(code, status, "boom again"));
        GeminiApiException e =
                catchThrowableOfType(GeminiApiException.class, () -> c.generateContent("gemini-2.0-flash", "x"));
        assertThat(e.getMessage())
                .isEqualTo("HTTP " + code + " " + status
                        + ": boom again [POST /v1beta/models/gemini-2.0-flash:generateContent, 2 attempts]");
        assertThat(e.isRetryable()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void nonJsonErrorBodyGetsCanonicalStatus() {
        GeminiClient c = track(builder().retryPolicy(RetryPolicy.none()).build());
        server.enqueue(new MockResponse.Builder()
                .code(502)
                .setHeader("Content-Type", "text/html")
                .body("<html>Bad Gateway</html>")
                .build());
        GeminiApiException e = catchThrowableOfType(GeminiApiException.class, () -> c.getModel("gemini-2.0-flash"));
        assertThat(e.getMessage()).startsWith("HTTP 502 UNAVAILABLE: <html>Bad Gateway</html>");
        assertThat(e.details()).isEmpty();
    }

    @Test
    void errorDetailsAreKept() {
        server.enqueue(
                json(
                        400,
                        "{\"error\":{\"code\":400,\"message\":\"API key not valid.\",\"status\":\"INVALID_ARGUMENT\","
                                + "\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\"}]}}"));
        GeminiApiException e =
                catchThrowableOfType(GeminiApiException.class, () -> client().listTunedModels(null, null, null));
        assertThat(e.details()).hasSize(1);
        assertThat(e.details().get(0).get("reason").asText()).isEqualTo("API_KEY_INVALID");
        assertThat(e.retryDelay()).isEmpty();
    }

    @Test
    void emptyErrorBodyUsesReasonPhrase() {
        server.enqueue(new MockResponse.Builder().code(404).build());
        GeminiApiException e = catchThrowableOfType(GeminiApiException.class, () -> client().deleteTunedModel("gone"));
        assertThat(e.getMessage()).startsWith("HTTP 404 NOT_FOUND: ");
        assertThat(e.call()).isEqualTo("DELETE /v1beta/tunedModels/gone");
    }

    @Test
    void connectionRefusedIsStatusZeroUnavailable() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        GeminiClient c = track(builder()
                .baseUrl("http://127.0.0.1:" + port)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofSeconds(5)))
                .build());
        GeminiApiException e = catchThrowableOfType(GeminiApiException.class, () -> c.generateContent("m", "x"));
        assertThat(e.getMessage()).startsWith("HTTP 0 UNAVAILABLE: no response: ");
        assertThat(e.attempts()).isEqualTo(2);
        assertThat(e.getCause()).isInstanceOf(IOException.class);
    }

    @Test
    void readTimeoutIsDeadlineExceeded() {
        GeminiClient c = track(builder()
                .readTimeout(Duration.ofMillis(200))
                .retryPolicy(RetryPolicy.none())
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .body(HELLO)
                .headersDelay(2, TimeUnit.SECONDS)
                .build());
        GeminiApiException e = catchThrowableOfType(GeminiApiException.class, () -> c.generateContent("m", "x"));
        assertThat(e.getMessage()).startsWith("HTTP 0 DEADLINE_EXCEEDED: timed out");
    }

    @Test
    void asyncFailureCarriesTheSameException() {
        server.enqueue(error(404, "NOT_FOUND", "no such model"));
        CompletableFuture<GenerateContentResult> f =
                client().generateContentAsync("models/nope", GenerateContentRequest.of("x"));
        ExecutionException e = catchThrowableOfType(ExecutionException.class, f::get);
        assertThat(e.getCause())
                .isInstanceOf(GeminiApiException.class)
                .hasMessageStartingWith("HTTP 404 NOT_FOUND: no such model");
    }

    @Test
    void malformedSuccessBodyIsReportedWithoutRetrying() {
        server.enqueue(ok("{not json"));
        server.enqueue(ok("{\"name\":\"tunedModels/a\"}"));
        GeminiApiException e = catchThrowableOfType(GeminiApiException.class, () -> client().getTunedModel("a"));
        assertThat(e.getMessage()).startsWith("HTTP 200 INTERNAL: malformed response body: ");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aResponseBreakingAUnionIsRejectedClearly() {
        server.enqueue(ok("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\",\"inlineData\":"
                + "{\"mimeType\":\"image/png\",\"data\":\"AA==\"}}]}}]}"));
        GeminiApiException e = catchThrowableOfType(GeminiApiException.class, () -> client().generateContent("m", "x"));
        assertThat(e.getMessage())
                .startsWith("HTTP 200 INTERNAL: malformed response body: ")
                .contains("Part.data");
    }
}
