package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import org.apiguardian.api.API;

/** OpenAPI data type of a {@link Schema}; read case-insensitively ("object" and "OBJECT"). */
@API(status = API.Status.EXPERIMENTAL)
public enum SchemaType {
    TYPE_UNSPECIFIED,
    STRING,
    NUMBER,
    INTEGER,
    BOOLEAN,
    ARRAY,
    OBJECT,
    NULL,
    /** A value this client does not know. */
    @JsonEnumDefaultValue
    UNRECOGNIZED
}
