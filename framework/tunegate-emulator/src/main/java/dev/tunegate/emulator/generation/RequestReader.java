package dev.tunegate.emulator.generation;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.emulator.http.ApiException;
import java.io.IOException;
import java.util.Arrays;
import org.apiguardian.api.API;

/**
 * Reads a generateContent body the way the service does: strict JSON except trailing commas (the
 * seeds' own examples have them), snake_case or lowerCamelCase keys, single objects for lists; unknown
 * fields and wrong types are 400 INVALID_ARGUMENT naming the field. Then {@link RequestValidator}
 * checks every documented range and limit.
 */
@API(status = API.Status.INTERNAL)
public final class RequestReader {
    private static final ObjectMapper TREE = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final ObjectMapper wire;
    private final RequestValidator validator;

    /**
     * A reader deserialising with (a strict copy of) the wire mapper.
     *
     * @param wireMapper {@code GeminiJson.newMapper()}
     * @param validator  the limits of the served models
     */
    public RequestReader(ObjectMapper wireMapper, RequestValidator validator) {
        this.wire = wireMapper
                .copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        this.validator = validator;
    }

    /** Parses and validates {@code body}. */
    public GenerationPlan read(byte[] body) {
        GenerateContentRequest request = parse(body, GenerateContentRequest.class);
        return validator.validate(request, wire, Arrays.hashCode(body));
    }

    /** Parses a body into a wire record of {@code type} (normalising the spelling first). */
    public <T> T parse(byte[] body, Class<T> type) {
        JsonNode tree;
        try {
            tree = TREE.readTree(body);
        } catch (JsonParseException e) {
            throw ApiException.invalidArgument("Invalid JSON payload received. " + firstLine(e.getOriginalMessage())
                    + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw ApiException.invalidArgument("Invalid JSON payload received. " + firstLine(e.getMessage()));
        }
        if (tree == null || tree.isMissingNode()) {
            throw ApiException.invalidArgument(
                    "Invalid JSON payload received. The request body is empty;" + " expected a JSON object.");
        }
        if (!tree.isObject()) {
            throw ApiException.invalidArgument("Invalid JSON payload received. Expected a JSON object at the top"
                    + " level, got " + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        JsonNode normalised = JsonNormaliser.normalise(tree);
        try {
            return wire.treeToValue(normalised, type);
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            throw ApiException.invalidArgument(
                    path,
                    "Invalid JSON payload received. Unknown name \"" + e.getPropertyName() + "\" at '"
                            + parentPath(path) + "': Cannot find field.");
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String path = path(e);
            throw ApiException.invalidArgument(
                    path, "Invalid value at '" + path + "': " + firstLine(cause.getMessage()));
        } catch (JsonMappingException e) {
            String path = path(e);
            throw ApiException.invalidArgument(
                    path,
                    "Invalid JSON payload received. Invalid value at '" + path + "': "
                            + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw ApiException.invalidArgument("Invalid JSON payload received. " + firstLine(e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidArgument("Invalid JSON payload received. " + firstLine(e.getMessage()));
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(root)" : sb.toString();
    }

    private static String parentPath(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "(root)" : path.substring(0, dot);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
