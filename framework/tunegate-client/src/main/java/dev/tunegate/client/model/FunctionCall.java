package dev.tunegate.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import org.apiguardian.api.API;

/** A function call predicted by the model: the function name and its arguments as a JSON object. */
@API(status = API.Status.EXPERIMENTAL)
public record FunctionCall(String id, String name, JsonNode args) {
    /** A call without id. */
    public static FunctionCall of(String name, JsonNode args) {
        return new FunctionCall(null, name, args);
    }
}
