package dev.tunegate.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the JSON error body every non-2xx answer carries: {@code {"error":{code,message,status,details}}}. */
public final class ErrorBody {
    private ErrorBody() {
    }

    /** The body for {@code e}, as a map ready for Jackson. */
    public static Map<String, Object> of(ApiException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.httpStatus());
        error.put("message", e.getMessage());
        error.put("status", e.status());
        error.put("details", e.details());
        return Map.of("error", error);
    }
}
