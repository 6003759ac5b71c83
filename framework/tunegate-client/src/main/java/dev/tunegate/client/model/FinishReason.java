package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.apiguardian.api.API;

/** Why the model stopped generating tokens. */
@API(status = API.Status.EXPERIMENTAL)
public enum FinishReason {
    FINISH_REASON_UNSPECIFIED,
    STOP,
    MAX_TOKENS,
    SAFETY,
    RECITATION,
    LANGUAGE,
    OTHER,
    BLOCKLIST,
    PROHIBITED_CONTENT,
    SPII,
    MALFORMED_FUNCTION_CALL,
    /** A value this client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
