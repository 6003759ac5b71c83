package dev.tunegate.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A failed Gemini API call. The message starts with {@code HTTP <code> <STATUS>:}, e.g.
 * {@code HTTP 429 RESOURCE_EXHAUSTED: Resource has been exhausted [POST /v1beta/models/x:generateContent, 5 attempts]}.
 * {@code httpStatus} is 0 when no HTTP response arrived (connection failure, timeout); {@code googleStatus}
 * is then UNAVAILABLE or DEADLINE_EXCEEDED. Messages and details never contain the API key: the client
 * redacts it if a server echoes it.
 */
@API(status = API.Status.STABLE)
public class GeminiApiException extends RuntimeException {
    private final int httpStatus;
    private final String googleStatus;
    private final String serverMessage;
    private final transient List<JsonNode> details;
    private final Duration retryDelay;
    private final String call;
    private final int attempts;

    public GeminiApiException(
            int httpStatus,
            String googleStatus,
            String serverMessage,
            List<JsonNode> details,
            Duration retryDelay,
            String call,
            int attempts,
            Throwable cause) {
        super(format(httpStatus, googleStatus, serverMessage, call, attempts), cause);
        this.httpStatus = httpStatus;
        this.googleStatus = googleStatus;
        this.serverMessage = serverMessage;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.retryDelay = retryDelay;
        this.call = call;
        this.attempts = attempts;
    }

    private static String format(int httpStatus, String googleStatus, String message, String call, int attempts) {
        StringBuilder sb = new StringBuilder("HTTP ")
                .append(httpStatus)
                .append(' ')
                .append(googleStatus)
                .append(": ")
                .append(message == null || message.isBlank() ? "(no message)" : message);
        if (call != null) {
            sb.append(" [").append(call);
            if (attempts > 1) {
                sb.append(", ").append(attempts).append(" attempts");
            }
            sb.append(']');
        }
        return sb.toString();
    }

    /** HTTP status code, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Canonical Google status name, e.g. "NOT_FOUND". */
    public String googleStatus() {
        return googleStatus;
    }

    /** The server's error message (redacted), without the {@code HTTP ...} prefix. */
    public String serverMessage() {
        return serverMessage;
    }

    /** The {@code error.details} entries (each with an {@code @type}). */
    public List<JsonNode> details() {
        return details;
    }

    /** The delay the server asked for ({@code RetryInfo.retryDelay} or {@code Retry-After}), if any. */
    public Optional<Duration> retryDelay() {
        return Optional.ofNullable(retryDelay);
    }

    /** The call that failed, e.g. {@code "GET /v1beta/tunedModels/x"}. */
    public String call() {
        return call;
    }

    /** How many attempts were made before giving up. */
    public int attempts() {
        return attempts;
    }

    /** Whether the failure is one the client retries (408, 429, 5xx listed in {@link RetryPolicy}, no response). */
    public boolean isRetryable() {
        return httpStatus == 0 || RetryPolicy.isRetryableStatus(httpStatus);
    }
}
