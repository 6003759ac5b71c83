package dev.tunegate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.grading.TextEmbedding;
import dev.tunegate.emulator.http.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code embedContent} and {@code batchEmbedContents} of the Gemini API on embedding models: the text
 * parts of each {@code content} are joined and embedded with {@link TextEmbedding}
 * ({@code outputDimensionality} honoured, 1–3072). A malformed body is a 400 {@code INVALID_ARGUMENT}.
 */
final class EmbeddingRoutes {
    /** Most requests in one {@code batchEmbedContents}, as the Gemini API allows. */
    static final int MAX_BATCH = 100;

    private final ObjectMapper mapper;

    EmbeddingRoutes(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body of an {@code embedContent} response: {@code {embedding: {values: [...]}}}. */
    Map<String, Object> embedContent(byte[] body) {
        JsonNode request = parse(body);
        return Map.of("embedding", embedding(request, "content"));
    }

    /** The body of a {@code batchEmbedContents} response: {@code {embeddings: [{values: [...]}, ...]}}. */
    Map<String, Object> batchEmbedContents(String model, byte[] body) {
        JsonNode requests = parse(body).path("requests");
        if (!requests.isArray() || requests.isEmpty()) {
            throw ApiException.invalidArgument("requests", "requests must be a non-empty list of EmbedContentRequest");
        }
        if (requests.size() > MAX_BATCH) {
            throw ApiException.invalidArgument(
                    "requests", "at most " + MAX_BATCH + " requests are allowed in a batch, got " + requests.size());
        }
        List<Object> embeddings = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            JsonNode one = requests.get(i);
            String named = one.path("model").asText(model);
            if (!named.equals(model) && !("models/" + named).equals(model)) {
                throw ApiException.invalidArgument(
                        "requests[" + i + "].model",
                        "model of request " + i + " is " + named + ", but the batch is sent to " + model);
            }
            embeddings.add(embedding(one, "requests[" + i + "].content"));
        }
        return Map.of("embeddings", embeddings);
    }

    private Map<String, Object> embedding(JsonNode request, String field) {
        JsonNode content = request.path("content");
        JsonNode parts = content.path("parts");
        if (!parts.isArray() || parts.isEmpty()) {
            throw ApiException.invalidArgument(field, field + " must have at least one part");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : parts) {
            if (!part.path("text").isTextual()) {
                throw ApiException.invalidArgument(field, "only text parts can be embedded");
            }
            text.append(text.length() == 0 ? "" : "\n").append(part.get("text").textValue());
        }
        return embedding(text.toString(), dimensions(request.path("outputDimensionality"), "outputDimensionality"));
    }

    /** {@code {values: [...]}}: the embedding of {@code text} with {@code dimensions} values. */
    static Map<String, Object> embedding(String text, int dimensions) {
        double[] values = TextEmbedding.embed(text, dimensions);
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        Map<String, Object> embedding = new LinkedHashMap<>();
        embedding.put("values", list);
        return embedding;
    }

    /** The dimensions a request asks for in {@code wanted} (absent: the default); out of 1–3072 is a 400. */
    static int dimensions(JsonNode wanted, String field) {
        if (wanted.isMissingNode() || wanted.isNull()) {
            return TextEmbedding.DEFAULT_DIMENSIONS;
        }
        if (!wanted.canConvertToInt() || wanted.asInt() < 1 || wanted.asInt() > 3072) {
            throw ApiException.invalidArgument(field, field + " must be an integer from 1 to 3072");
        }
        return wanted.asInt();
    }

    /** The request body as a JSON object; anything else is a 400 {@code INVALID_ARGUMENT}. */
    JsonNode parse(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.invalidArgument("the request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.invalidArgument("Invalid JSON payload received: " + e.getMessage());
        }
    }
}
