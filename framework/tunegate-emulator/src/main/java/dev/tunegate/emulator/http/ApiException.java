package dev.tunegate.emulator.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An API error that becomes a {@code google.rpc.Status} body
 * {@code {"error":{"code","message","status","details"}}} with the matching HTTP status. Throw it from
 * any handler (including a {@code TunedModelService}); the server writes it through {@link ErrorBody}.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String status;
    private final transient List<Map<String, Object>> details;
    private final transient Map<String, String> headers;

    /** An error with the given HTTP code, canonical status name, message, details and extra headers. */
    public ApiException(
            int httpStatus,
            String status,
            String message,
            List<Map<String, Object>> details,
            Map<String, String> headers) {
        super(message);
        this.httpStatus = httpStatus;
        this.status = status;
        this.details = details == null ? List.of() : List.copyOf(details);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** 400 INVALID_ARGUMENT with a {@code google.rpc.BadRequest} naming {@code field}. */
    public static ApiException invalidArgument(String field, String message) {
        Map<String, Object> violation = new LinkedHashMap<>();
        violation.put("field", field);
        violation.put("description", message);
        Map<String, Object> badRequest = new LinkedHashMap<>();
        badRequest.put("@type", "type.googleapis.com/google.rpc.BadRequest");
        badRequest.put("fieldViolations", List.of(violation));
        return new ApiException(400, "INVALID_ARGUMENT", message, List.of(badRequest), null);
    }

    /** 400 INVALID_ARGUMENT without a field (e.g. malformed JSON). */
    public static ApiException invalidArgument(String message) {
        return new ApiException(400, "INVALID_ARGUMENT", message, null, null);
    }

    /** 400 FAILED_PRECONDITION, e.g. generating from a tuned model that is not ACTIVE. */
    public static ApiException failedPrecondition(String message) {
        return new ApiException(400, "FAILED_PRECONDITION", message, null, null);
    }

    /** 404 NOT_FOUND. */
    public static ApiException notFound(String message) {
        return new ApiException(404, "NOT_FOUND", message, null, null);
    }

    /** 409 ALREADY_EXISTS. */
    public static ApiException alreadyExists(String message) {
        return new ApiException(409, "ALREADY_EXISTS", message, null, null);
    }

    /** The HTTP status code. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The canonical status name, e.g. {@code INVALID_ARGUMENT}. */
    public String status() {
        return status;
    }

    /** The {@code details} entries (each with an {@code @type}). */
    public List<Map<String, Object>> details() {
        return details;
    }

    /** Extra response headers, e.g. {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }
}
