package dev.tunegate.emulator.generation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tunegate.emulator.http.ApiException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a request tree into the spelling the wire records read, following the proto3 JSON rules
 * the service applies: snake_case keys become lowerCamelCase ({@code system_instruction} ->
 * {@code systemInstruction}); a single object where a list is expected ({@code "contents": {...}},
 * {@code "parts": {...}}) becomes a one-element list; lower-case enum values of {@code Schema.type} and
 * {@code functionCallingConfig.mode} are upper-cased. Free-form maps are left alone: the names under a
 * Schema's {@code properties}, a function call's {@code args}, a function response's {@code response},
 * a Schema's {@code example}/{@code default} and {@code responseJsonSchema}.
 */
final class JsonNormaliser {
    private enum Ctx {
        MESSAGE,
        SCHEMA,
        FREE
    }

    private static final Set<String> REPEATED = Set.of(
            "contents",
            "parts",
            "tools",
            "functionDeclarations",
            "safetySettings",
            "stopSequences",
            "anyOf",
            "allowedFunctionNames");

    private JsonNormaliser() {}

    /** The normalised copy of a request body tree. */
    static JsonNode normalise(JsonNode root) {
        return walk(root, Ctx.MESSAGE, "");
    }

    private static JsonNode walk(JsonNode node, Ctx ctx, String parentKey) {
        if (ctx == Ctx.FREE) {
            return node;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode element : node) {
                out.add(walk(element, ctx, parentKey));
            }
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = camel(field.getKey());
            if (out.has(key)) {
                throw ApiException.invalidArgument(
                        key,
                        "Invalid JSON payload received. Field '" + key
                                + "' is given more than once (as snake_case and lowerCamelCase?).");
            }
            JsonNode value = field.getValue();
            if (REPEATED.contains(key) && (value.isObject() || value.isTextual())) {
                value = JsonNodeFactory.instance.arrayNode().add(value);
            }
            out.set(key, child(key, value, ctx, parentKey));
        }
        return out;
    }

    private static JsonNode child(String key, JsonNode value, Ctx ctx, String parentKey) {
        if (ctx == Ctx.SCHEMA) {
            switch (key) {
                case "properties":
                    if (!value.isObject()) {
                        return value;
                    }
                    ObjectNode props = JsonNodeFactory.instance.objectNode();
                    value.fields().forEachRemaining(p -> props.set(p.getKey(), walk(p.getValue(), Ctx.SCHEMA, key)));
                    return props;
                case "items":
                case "anyOf":
                    return walk(value, Ctx.SCHEMA, key);
                case "type":
                    return upper(value);
                default:
                    return value; // enum, required, example, default, format ...: values, not messages
            }
        }
        switch (key) {
            case "args":
                return "functionCall".equals(parentKey) ? value : walk(value, Ctx.MESSAGE, key);
            case "response":
                if ("functionResponse".equals(parentKey)) {
                    return value;
                }
                return "functionDeclarations".equals(parentKey)
                        ? walk(value, Ctx.SCHEMA, key)
                        : walk(value, Ctx.MESSAGE, key);
            case "responseSchema":
            case "parameters":
                return walk(value, Ctx.SCHEMA, key);
            case "responseJsonSchema":
            case "parametersJsonSchema":
                return value;
            case "mode":
                return upper(value);
            default:
                return walk(value, Ctx.MESSAGE, key);
        }
    }

    private static JsonNode upper(JsonNode value) {
        return value.isTextual() ? TextNode.valueOf(value.asText().toUpperCase(Locale.ROOT)) : value;
    }

    /** snake_case to lowerCamelCase; other keys unchanged. */
    static String camel(String key) {
        if (key.indexOf('_') < 0) {
            return key;
        }
        StringBuilder sb = new StringBuilder(key.length());
        boolean upperNext = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '_' && sb.length() > 0) {
                upperNext = true;
            } else if (upperNext) {
                sb.append(Character.toUpperCase(c));
                upperNext = false;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
