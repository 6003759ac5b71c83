package dev.tunegate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The request bodies and responses of the three embedding calls ({@link ModelName#embeddingMethod()}), as the official
 * SDKs send and read them (google-genai 2.3.0: {@code embedContentParametersPrivateToMldev/ToVertex},
 * {@code embedContentResponseFromMldev/FromVertex}), and how texts are split into calls.
 *
 * <ul>
 *   <li>{@code batchEmbedContents} (Gemini API): {@code {requests: [{model, content: {parts: [{text}]}}]}} →
 *       {@code {embeddings: [{values}]}}
 *   <li>{@code predict} (Vertex AI): {@code {instances: [{content: "text"}]}} → {@code {predictions: [{embeddings:
 *       {values, statistics: {token_count, truncated}}}], metadata: {billableCharacterCount}}}
 *   <li>{@code embedContent} (Vertex AI, one text): {@code {content: {parts: [{text}]}}} → {@code {embedding:
 *       {values}, usageMetadata: {promptTokenCount}}}
 * </ul>
 */
final class EmbeddingWire {
    /**
     * Most input tokens of one Vertex AI {@code predict} request (the text embeddings API answers more with a 400),
     * estimated as one token per {@value #CHARS_PER_TOKEN} characters, fewer than the usual four so that the
     * estimate stays above the real count.
     */
    static final int MAX_PREDICT_TOKENS = 20_000;

    static final int CHARS_PER_TOKEN = 3;

    private EmbeddingWire() {}

    /**
     * {@code texts} in order, split into calls of at most {@code maxTexts} texts and, for {@code predict}, at most
     * {@value #MAX_PREDICT_TOKENS} estimated tokens (a longer text goes alone).
     */
    static List<List<String>> calls(String method, List<String> texts, int maxTexts) {
        List<List<String>> calls = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long tokens = 0;
        for (String text : texts) {
            long estimate = method.equals("predict") ? estimatedTokens(text) : 0;
            if (!current.isEmpty() && (current.size() >= maxTexts || tokens + estimate > MAX_PREDICT_TOKENS)) {
                calls.add(List.copyOf(current));
                current.clear();
                tokens = 0;
            }
            current.add(text);
            tokens += estimate;
        }
        if (!current.isEmpty()) {
            calls.add(List.copyOf(current));
        }
        return calls;
    }

    private static long estimatedTokens(String text) {
        return Math.max(1, (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
    }

    /** The body of one call embedding {@code texts} with {@code method}; {@code model} names the Gemini API model. */
    static ObjectNode body(ObjectMapper mapper, String method, String model, List<String> texts) {
        ObjectNode body = mapper.createObjectNode();
        switch (method) {
            case "batchEmbedContents" -> {
                ArrayNode requests = body.putArray("requests");
                for (String text : texts) {
                    ObjectNode request = requests.addObject();
                    request.put("model", model);
                    content(request, text);
                }
            }
            case "predict" -> {
                ArrayNode instances = body.putArray("instances");
                texts.forEach(text -> instances.addObject().put("content", text));
            }
            case "embedContent" -> {
                if (texts.size() != 1) {
                    throw new IllegalArgumentException("embedContent embeds one text, got " + texts.size());
                }
                content(body, texts.get(0));
            }
            default -> throw new IllegalArgumentException("not an embedding method: " + method);
        }
        return body;
    }

    private static void content(ObjectNode request, String text) {
        request.putObject("content").putArray("parts").addObject().put("text", text);
    }

    /** One vector per text from the response of {@code method}; a response with another count is an error. */
    static List<double[]> vectors(String method, JsonNode response, int texts) throws IOException {
        List<JsonNode> embeddings = new ArrayList<>();
        switch (method) {
            case "batchEmbedContents" -> response.path("embeddings").forEach(embeddings::add);
            case "predict" -> response.path("predictions").forEach(p -> embeddings.add(p.path("embeddings")));
            case "embedContent" -> {
                if (response.has("embedding")) {
                    embeddings.add(response.get("embedding"));
                }
            }
            default -> throw new IllegalArgumentException("not an embedding method: " + method);
        }
        if (embeddings.size() != texts) {
            throw new IOException(method + " returned " + embeddings.size() + " embeddings for " + texts + " texts");
        }
        List<double[]> vectors = new ArrayList<>(texts);
        for (JsonNode embedding : embeddings) {
            JsonNode values = embedding.path("values");
            if (!values.isArray() || values.isEmpty()) {
                throw new IOException(method + " returned an embedding without values");
            }
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = values.get(i).asDouble();
            }
            vectors.add(v);
        }
        return vectors;
    }
}
