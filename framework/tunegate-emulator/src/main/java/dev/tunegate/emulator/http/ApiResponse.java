package dev.tunegate.emulator.http;

import org.apiguardian.api.API;

/**
 * A JSON answer: HTTP status and a body object that the server serialises with the wire mapper
 * ({@code GeminiJson.newMapper()}): a client model record, a {@code JsonNode} or a map.
 */
@API(status = API.Status.EXPERIMENTAL)
public record ApiResponse(int status, Object body) {
    /** 200 with the given body. */
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }
}
