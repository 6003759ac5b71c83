package dev.tunegate.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apiguardian.api.API;

/**
 * A {@code google.rpc.Status}: numeric code, message and typed details (each with an {@code @type}).
 * In HTTP error bodies the API adds the canonical status name (e.g. "RESOURCE_EXHAUSTED") as {@code status}.
 */
@API(status = API.Status.EXPERIMENTAL)
public record Status(Integer code, String message, String status, List<JsonNode> details) {
    /** The {@code @type} of a RetryInfo detail. */
    public static final String RETRY_INFO_TYPE = "type.googleapis.com/google.rpc.RetryInfo";
    /** The {@code @type} of an ErrorInfo detail. */
    public static final String ERROR_INFO_TYPE = "type.googleapis.com/google.rpc.ErrorInfo";

    public Status {
        details = Unions.copy(details);
    }

    /** A status without details. */
    public static Status of(int code, String status, String message) {
        return new Status(code, message, status, null);
    }

    /** The {@code retryDelay} of the first RetryInfo detail (a protobuf Duration such as "34s"), or null. */
    public String retryDelay() {
        if (details == null) {
            return null;
        }
        for (JsonNode d : details) {
            if (d != null && RETRY_INFO_TYPE.equals(d.path("@type").asText()) && d.hasNonNull("retryDelay")) {
                return d.get("retryDelay").asText();
            }
        }
        return null;
    }
}
