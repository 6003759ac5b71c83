package dev.tunegate.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/** The result of a function call, sent back to the model. */
@API(status = API.Status.EXPERIMENTAL)
public record FunctionResponse(String id, String name, JsonNode response) {
    /** A response without id. */
    public static FunctionResponse of(String name, JsonNode response) {
        return new FunctionResponse(null, name, response);
    }
}
