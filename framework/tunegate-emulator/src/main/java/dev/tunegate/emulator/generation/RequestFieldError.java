package dev.tunegate.emulator.generation;

import dev.tunegate.emulator.http.ApiException;

/**
 * The 400 INVALID_ARGUMENT of a generateContent request field: the message and
 * {@code BadRequest.fieldViolations[].field} name the field.
 */
final class RequestFieldError {
    private RequestFieldError() {}

    /** The error for {@code field} (a path below GenerateContentRequest) with {@code message}. */
    static ApiException bad(String field, String message) {
        return ApiException.invalidArgument(field, "* GenerateContentRequest." + field + ": " + message);
    }

    /** {@code s} cut to 80 chars (and "...") for quoting a caller's value in a message. */
    static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
