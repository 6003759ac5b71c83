package dev.tunegate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.ErrorResponse;
import dev.tunegate.client.model.Status;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns an error response or a transport failure into a {@link GeminiApiException}, redacting the key. */
final class ApiErrors {
    private static final int MAX_BODY_PREVIEW = 300;

    private final ObjectMapper mapper;
    private final Clock clock;

    ApiErrors(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    GeminiApiException fromResponse(
            int code, String reason, String retryAfter, String body, String key, String call, int attempts) {
        Status status = parseStatus(body);
        String googleStatus = status != null && status.status() != null ? status.status() : canonicalStatus(code);
        String message;
        if (status != null && status.message() != null) {
            message = status.message();
        } else if (body != null && !body.isBlank()) {
            String trimmed = body.strip();
            message = trimmed.length() > MAX_BODY_PREVIEW ? trimmed.substring(0, MAX_BODY_PREVIEW) + "..." : trimmed;
        } else {
            message = reason;
        }
        List<JsonNode> details = new ArrayList<>();
        if (status != null && status.details() != null) {
            for (JsonNode d : status.details()) {
                details.add(redact(d, key));
            }
        }
        Duration hint = RetryDelays.longest(
                status == null ? null : RetryDelays.parseProtoDuration(status.retryDelay()),
                RetryDelays.parseRetryAfter(retryAfter, clock));
        return new GeminiApiException(
                code, googleStatus, Redactor.redact(message, key), details, hint, call, attempts, null);
    }

    GeminiApiException fromIOException(IOException e, String key, String call, int attempts) {
        boolean timeout = e instanceof InterruptedIOException;
        String what = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        String message = (timeout ? "timed out: " : "no response: ") + Redactor.redact(what, key);
        return new GeminiApiException(
                0,
                timeout ? "DEADLINE_EXCEEDED" : "UNAVAILABLE",
                message,
                null,
                null,
                call,
                attempts,
                new IOException(Redactor.redact(what, key)));
    }

    private Status parseStatus(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            ErrorResponse error = mapper.readValue(body, ErrorResponse.class);
            return error == null ? null : error.error();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private JsonNode redact(JsonNode node, String key) {
        if (node == null || key == null || key.isEmpty()) {
            return node;
        }
        String text = node.toString();
        if (!text.contains(key)) {
            return node;
        }
        try {
            return mapper.readTree(Redactor.redact(text, key));
        } catch (IOException e) {
            return mapper.getNodeFactory().textNode(Redactor.MASK);
        }
    }

    /** The canonical Google status for an HTTP code, used when the body does not say. */
    static String canonicalStatus(int code) {
        return switch (code) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 408, 504 -> "DEADLINE_EXCEEDED";
            case 409 -> "ALREADY_EXISTS";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 499 -> "CANCELLED";
            case 500 -> "INTERNAL";
            case 501 -> "UNIMPLEMENTED";
            case 502, 503 -> "UNAVAILABLE";
            default -> code >= 500 ? "INTERNAL" : code >= 400 ? "FAILED_PRECONDITION" : "UNKNOWN";
        };
    }
}
