package dev.tunegate.client.model;

import org.apiguardian.api.API;

/** The body of every non-2xx response: {@code {"error": Status}}. */
@API(status = API.Status.INTERNAL)
public record ErrorResponse(Status error) {
    /** An error body with code, canonical status and message. */
    public static ErrorResponse of(int code, String status, String message) {
        return new ErrorResponse(Status.of(code, status, message));
    }
}
