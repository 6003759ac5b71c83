package dev.tunegate.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A long-running operation ({@code google.longrunning.Operation}). {@code metadata} and {@code response}
 * are JSON objects carrying an {@code @type}; read them with {@link #createTunedModelMetadata()},
 * {@link #tunedModel()} or {@link #metadataAs(Class)}. Union {@code result}: at most one of error and response.
 */
@API(status = API.Status.EXPERIMENTAL)
public record Operation(String name, JsonNode metadata, Boolean done, Status error, JsonNode response) {
    private static final ObjectMapper MAPPER = WireJson.newMapper();

    public Operation {
        Unions.atMostOne("Operation", "result", "error", error, "response", response);
    }

    /** A running tuning operation. */
    public static Operation running(String name, CreateTunedModelMetadata metadata) {
        return new Operation(name, typed(CreateTunedModelMetadata.TYPE_URL, metadata), false, null, null);
    }

    /** A finished tuning operation whose response is the tuned model. */
    public static Operation succeeded(String name, CreateTunedModelMetadata metadata, TunedModel model) {
        return new Operation(
                name,
                typed(CreateTunedModelMetadata.TYPE_URL, metadata),
                true,
                null,
                typed(TunedModel.TYPE_URL, model));
    }

    /** A finished tuning operation that failed with the given status. */
    public static Operation failed(String name, CreateTunedModelMetadata metadata, Status error) {
        return new Operation(name, typed(CreateTunedModelMetadata.TYPE_URL, metadata), true, error, null);
    }

    /** Converts a message to a JSON object whose first member is {@code "@type": typeUrl}; null stays null. */
    public static ObjectNode typed(String typeUrl, Object message) {
        if (message == null) {
            return null;
        }
        ObjectNode node = MAPPER.createObjectNode();
        node.put("@type", typeUrl);
        JsonNode body = MAPPER.valueToTree(message);
        if (body instanceof ObjectNode object) {
            object.remove("@type");
            node.setAll(object);
        }
        return node;
    }

    /** Whether {@code done} is true. */
    public boolean isDone() {
        return Boolean.TRUE.equals(done);
    }

    /** The {@code @type} of the metadata, or null. */
    public String metadataType() {
        return metadata == null ? null : metadata.path("@type").asText(null);
    }

    /** The {@code @type} of the response, or null. */
    public String responseType() {
        return response == null ? null : response.path("@type").asText(null);
    }

    /** The metadata converted to {@code type} (its {@code @type} member is ignored), or null when absent. */
    public <T> T metadataAs(Class<T> type) {
        return convert(metadata, type);
    }

    /** The response converted to {@code type} (its {@code @type} member is ignored), or null when absent. */
    public <T> T responseAs(Class<T> type) {
        return convert(response, type);
    }

    /** The tuning progress, when the metadata is present. */
    public Optional<CreateTunedModelMetadata> createTunedModelMetadata() {
        return Optional.ofNullable(metadataAs(CreateTunedModelMetadata.class));
    }

    /** The tuned model this operation produced, when it finished successfully. */
    public Optional<TunedModel> tunedModel() {
        return Optional.ofNullable(responseAs(TunedModel.class));
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return MAPPER.treeToValue(node, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Operation payload is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
