package dev.tunegate.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Vertex AI embedding calls on publisher embedding models, with the same {@code grading.TextEmbedding} as the
 * Gemini API's {@link EmbeddingRoutes} (the same text gives the same vector on both surfaces):
 *
 * <ul>
 *   <li>{@code :predict} (what the official SDKs send for {@code text-embedding-*} and {@code gemini-embedding-001}):
 *       {@code {instances: [{content, task_type?, title?}], parameters?: {outputDimensionality?, autoTruncate?}}} →
 *       {@code {predictions: [{embeddings: {values, statistics: {token_count, truncated: false}}}], metadata:
 *       {billableCharacterCount}}}; at most {@value #MAX_INSTANCES} instances, and one for
 *       {@code gemini-embedding-001}, as on Vertex AI
 *   <li>{@code :embedContent} (what they send for newer Gemini embedding models): {@code {content: {parts: [{text}]},
 *       embedContentConfig?: {outputDimensionality?}}} → {@code {embedding: {values}, usageMetadata:
 *       {promptTokenCount, totalTokenCount}}}
 * </ul>
 *
 * A malformed body is a 400 {@code INVALID_ARGUMENT}.
 */
final class VertexEmbeddingRoutes {
    /** Most instances in one {@code predict} call, as the Vertex AI text embeddings API allows. */
    static final int MAX_INSTANCES = 250;

    private final EmbeddingRoutes gemini;

    VertexEmbeddingRoutes(EmbeddingRoutes gemini) {
        this.gemini = gemini;
    }

    /** Whether {@code model} (a publisher model id) embeds: its id names an embedding model. */
    static boolean embeds(String model) {
        return model.contains("embedding");
    }

    /** The body of a {@code predict} response of embedding model {@code model}. */
    Map<String, Object> predict(String model, byte[] body) {
        JsonNode request = gemini.parse(body);
        JsonNode instances = request.path("instances");
        if (!instances.isArray() || instances.isEmpty()) {
            throw ApiException.invalidArgument("instances", "instances must be a non-empty list of objects");
        }
        int max = model.contains("gemini-embedding-001") ? 1 : MAX_INSTANCES;
        if (instances.size() > max) {
            throw ApiException.invalidArgument(
                    "instances",
                    model + " takes at most " + max + (max == 1 ? " instance" : " instances") + " per request, got "
                            + instances.size());
        }
        JsonNode parameters = request.path("parameters");
        if (!parameters.isMissingNode() && !parameters.isNull() && !parameters.isObject()) {
            throw ApiException.invalidArgument("parameters", "parameters must be an object");
        }
        int dimensions =
                EmbeddingRoutes.dimensions(parameters.path("outputDimensionality"), "parameters.outputDimensionality");
        List<Object> predictions = new ArrayList<>();
        long characters = 0;
        for (int i = 0; i < instances.size(); i++) {
            String field = "instances[" + i + "].content";
            JsonNode content = instances.get(i).path("content");
            if (!content.isTextual()) {
                throw ApiException.invalidArgument(field, field + " must be the text to embed (a string)");
            }
            String text = content.textValue();
            characters +=
                    text.codePoints().filter(c -> !Character.isWhitespace(c)).count();
            Map<String, Object> statistics = new LinkedHashMap<>();
            statistics.put("token_count", Tokenizer.get().count(text));
            statistics.put("truncated", false);
            Map<String, Object> embeddings = new LinkedHashMap<>(EmbeddingRoutes.embedding(text, dimensions));
            embeddings.put("statistics", statistics);
            predictions.add(Map.of("embeddings", embeddings));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("predictions", predictions);
        response.put("metadata", Map.of("billableCharacterCount", characters));
        return response;
    }

    /** The body of a Vertex AI {@code embedContent} response: one content, its embedding and token count. */
    Map<String, Object> embedContent(byte[] body) {
        JsonNode request = gemini.parse(body);
        JsonNode parts = request.path("content").path("parts");
        if (!parts.isArray() || parts.isEmpty()) {
            throw ApiException.invalidArgument("content", "content must have at least one part");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : parts) {
            if (!part.path("text").isTextual()) {
                throw ApiException.invalidArgument("content", "only text parts can be embedded");
            }
            text.append(text.length() == 0 ? "" : "\n").append(part.get("text").textValue());
        }
        int dimensions = EmbeddingRoutes.dimensions(
                request.path("embedContentConfig").path("outputDimensionality"),
                "embedContentConfig.outputDimensionality");
        int tokens = Tokenizer.get().count(text.toString());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("embedding", EmbeddingRoutes.embedding(text.toString(), dimensions));
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("promptTokenCount", tokens);
        usage.put("totalTokenCount", tokens);
        response.put("usageMetadata", usage);
        return response;
    }
}
