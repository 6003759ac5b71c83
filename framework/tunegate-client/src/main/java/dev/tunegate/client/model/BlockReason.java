package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.apiguardian.api.API;

/** Why a prompt was blocked. */
@API(status = API.Status.EXPERIMENTAL)
public enum BlockReason {
    BLOCK_REASON_UNSPECIFIED,
    SAFETY,
    OTHER,
    BLOCKLIST,
    PROHIBITED_CONTENT,
    /** A value this client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
