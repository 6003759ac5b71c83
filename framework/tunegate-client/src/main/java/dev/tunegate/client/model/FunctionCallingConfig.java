package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import java.util.List;
import org.apiguardian.api.API;

/** How the model may call functions; {@code mode} is read case-insensitively ("auto" and "AUTO"). */
@API(status = API.Status.EXPERIMENTAL)
public record FunctionCallingConfig(
        Mode mode, @JsonAlias("allowed_function_names") List<String> allowedFunctionNames) {
    public FunctionCallingConfig {
        allowedFunctionNames = Unions.copy(allowedFunctionNames);
    }

    /** A config with the given mode only. */
    public static FunctionCallingConfig of(Mode mode) {
        return new FunctionCallingConfig(mode, null);
    }

    /** Function-calling mode. */
    public enum Mode {
        MODE_UNSPECIFIED,
        AUTO,
        ANY,
        NONE,
        VALIDATED,
        /** A value this client does not know. */
        @JsonEnumDefaultValue
        UNRECOGNIZED
    }
}
