package dev.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A subset of an OpenAPI 3.0 schema, used for {@code responseSchema} and function parameters.
 * {@code minItems}/{@code maxItems}/{@code minLength}/{@code maxLength}/{@code minProperties}/{@code maxProperties}
 * are int64 values; they are written as JSON strings and accepted as strings or numbers.
 */
@API(status = API.Status.EXPERIMENTAL)
public record Schema(
        SchemaType type,
        String format,
        String title,
        String description,
        Boolean nullable,
        @JsonProperty("enum") List<String> enumValues,
        @JsonAlias("max_items") String maxItems,
        @JsonAlias("min_items") String minItems,
        Map<String, Schema> properties,
        List<String> required,
        @JsonAlias("property_ordering") List<String> propertyOrdering,
        Schema items,
        @JsonAlias("any_of") List<Schema> anyOf,
        Double minimum,
        Double maximum,
        @JsonAlias("min_length") String minLength,
        @JsonAlias("max_length") String maxLength,
        String pattern,
        @JsonAlias("min_properties") String minProperties,
        @JsonAlias("max_properties") String maxProperties,
        JsonNode example,
        @JsonProperty("default") JsonNode defaultValue) {
    public Schema {
        enumValues = Unions.copy(enumValues);
        required = Unions.copy(required);
        propertyOrdering = Unions.copy(propertyOrdering);
        anyOf = Unions.copy(anyOf);
        properties = properties == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A schema of the given type only. */
    public static Schema of(SchemaType type) {
        return builder().type(type).build();
    }

    /** An ARRAY schema of the given items. */
    public static Schema arrayOf(Schema items) {
        return builder().type(SchemaType.ARRAY).items(items).build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder initialised from this schema. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.type = type;
        b.format = format;
        b.title = title;
        b.description = description;
        b.nullable = nullable;
        b.enumValues = enumValues;
        b.maxItems = maxItems;
        b.minItems = minItems;
        b.properties = properties == null ? null : new LinkedHashMap<>(properties);
        b.required = required;
        b.propertyOrdering = propertyOrdering;
        b.items = items;
        b.anyOf = anyOf;
        b.minimum = minimum;
        b.maximum = maximum;
        b.minLength = minLength;
        b.maxLength = maxLength;
        b.pattern = pattern;
        b.minProperties = minProperties;
        b.maxProperties = maxProperties;
        b.example = example;
        b.defaultValue = defaultValue;
        return b;
    }

    /** Builds {@link Schema}s. */
    public static final class Builder {
        private SchemaType type;
        private String format;
        private String title;
        private String description;
        private Boolean nullable;
        private List<String> enumValues;
        private String maxItems;
        private String minItems;
        private Map<String, Schema> properties;
        private List<String> required;
        private List<String> propertyOrdering;
        private Schema items;
        private List<Schema> anyOf;
        private Double minimum;
        private Double maximum;
        private String minLength;
        private String maxLength;
        private String pattern;
        private String minProperties;
        private String maxProperties;
        private JsonNode example;
        private JsonNode defaultValue;

        private Builder() {}

        public Builder type(SchemaType v) {
            this.type = v;
            return this;
        }

        public Builder format(String v) {
            this.format = v;
            return this;
        }

        public Builder title(String v) {
            this.title = v;
            return this;
        }

        public Builder description(String v) {
            this.description = v;
            return this;
        }

        public Builder nullable(Boolean v) {
            this.nullable = v;
            return this;
        }

        public Builder enumValues(List<String> v) {
            this.enumValues = v;
            return this;
        }

        public Builder maxItems(long v) {
            this.maxItems = Long.toString(v);
            return this;
        }

        public Builder minItems(long v) {
            this.minItems = Long.toString(v);
            return this;
        }

        public Builder properties(Map<String, Schema> v) {
            this.properties = v == null ? null : new LinkedHashMap<>(v);
            return this;
        }
        /** Adds one property, keeping insertion order. */
        public Builder property(String name, Schema schema) {
            if (properties == null) {
                properties = new LinkedHashMap<>();
            }
            properties.put(name, schema);
            return this;
        }

        public Builder required(List<String> v) {
            this.required = v;
            return this;
        }

        public Builder required(String... v) {
            this.required = List.of(v);
            return this;
        }

        public Builder propertyOrdering(List<String> v) {
            this.propertyOrdering = v;
            return this;
        }

        public Builder items(Schema v) {
            this.items = v;
            return this;
        }

        public Builder anyOf(List<Schema> v) {
            this.anyOf = v;
            return this;
        }

        public Builder minimum(Double v) {
            this.minimum = v;
            return this;
        }

        public Builder maximum(Double v) {
            this.maximum = v;
            return this;
        }

        public Builder minLength(long v) {
            this.minLength = Long.toString(v);
            return this;
        }

        public Builder maxLength(long v) {
            this.maxLength = Long.toString(v);
            return this;
        }

        public Builder pattern(String v) {
            this.pattern = v;
            return this;
        }

        public Builder minProperties(long v) {
            this.minProperties = Long.toString(v);
            return this;
        }

        public Builder maxProperties(long v) {
            this.maxProperties = Long.toString(v);
            return this;
        }

        public Builder example(JsonNode v) {
            this.example = v;
            return this;
        }

        public Builder defaultValue(JsonNode v) {
            this.defaultValue = v;
            return this;
        }

        public Schema build() {
            return new Schema(
                    type,
                    format,
                    title,
                    description,
                    nullable,
                    enumValues,
                    maxItems,
                    minItems,
                    properties,
                    required,
                    propertyOrdering,
                    items,
                    anyOf,
                    minimum,
                    maximum,
                    minLength,
                    maxLength,
                    pattern,
                    minProperties,
                    maxProperties,
                    example,
                    defaultValue);
        }
    }
}
