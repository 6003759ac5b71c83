package dev.tunegate.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Builds the JSON error body every non-2xx answer carries: {@code {"error":{code,message,status,details}}},
 * {@code details} only when there are any (proto3 JSON, as the services write it).
 */
@API(status = API.Status.EXPERIMENTAL)
public final class ErrorBody {
    private static final ObjectMapper MAPPER = GeminiJson.newMapper();

    private ErrorBody() {}

    /** The body for {@code e}: a {@code google.rpc.Status} under {@code error}. */
    public static Map<String, Status> of(ApiException e) {
        List<JsonNode> details = new ArrayList<>();
        for (Map<String, Object> d : e.details()) {
            details.add(MAPPER.valueToTree(d));
        }
        // proto3 JSON: an empty repeated field is omitted, never written as [] or null
        return Map.of(
                "error", new Status(e.httpStatus(), e.getMessage(), e.status(), details.isEmpty() ? null : details));
    }
}
