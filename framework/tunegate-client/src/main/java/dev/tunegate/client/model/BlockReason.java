package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why a prompt was blocked. */
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
