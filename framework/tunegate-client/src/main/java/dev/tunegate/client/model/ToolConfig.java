package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.apiguardian.api.API;

/** Tool configuration shared by all tools of a request. */
@API(status = API.Status.EXPERIMENTAL)
public record ToolConfig(
        @JsonAlias("function_calling_config") FunctionCallingConfig functionCallingConfig) {
    /** A tool config with the given function-calling mode. */
    public static ToolConfig of(FunctionCallingConfig.Mode mode) {
        return new ToolConfig(FunctionCallingConfig.of(mode));
    }
}
