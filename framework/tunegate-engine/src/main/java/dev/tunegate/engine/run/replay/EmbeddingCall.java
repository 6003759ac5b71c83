package dev.tunegate.engine.run.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.client.ModelName;
import java.util.Objects;

/**
 * One text to embed as a check of a test makes it, recorded as the call that embeds it alone: the endpoint, the
 * request, and the suite and test it belongs to (for people reading the recording, not part of its key). One recording
 * per text, whatever batches the live run sent, so that a replay finds every text however the texts were batched.
 *
 * <p>The call is the one the client makes for the model ({@link ModelName#embeddingMethod()}) with one text:
 * {@code models/text-embedding-004:embedContent} with {@code {content: {parts: [{text}]}}} on the Gemini API (whose
 * batches are {@code batchEmbedContents}) and for Vertex AI models embedded through {@code embedContent}; for the
 * other Vertex AI models {@code publishers/google/models/text-embedding-005:predict} with
 * {@code {instances: [{content: text}]}}, answered by {@code {predictions: [{embeddings: {values}}]}}. A Vertex AI name
 * has its project replaced by {@code -}.
 */
record EmbeddingCall(String endpoint, String text, String suite, String test) {
    EmbeddingCall {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(text, "text");
    }

    /** The call embedding {@code text} with {@code model}. */
    static EmbeddingCall of(String model, String text, String suite, String test) {
        return new EmbeddingCall(ModelCall.portable(model) + ":" + method(model), text, suite, test);
    }

    private static String method(String model) {
        try {
            return ModelName.parse(model).embeddingMethod().equals("predict") ? "predict" : "embedContent";
        } catch (IllegalArgumentException e) {
            return "embedContent";
        }
    }

    /** True for a Vertex AI {@code predict} call. */
    boolean predict() {
        return endpoint.endsWith(":predict");
    }

    /** The request body of the call. */
    ObjectNode request() {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        if (predict()) {
            request.putArray("instances").addObject().put("content", text);
        } else {
            request.putObject("content").putArray("parts").addObject().put("text", text);
        }
        return request;
    }

    /** The response body of the call answering {@code vector}. */
    ObjectNode response(double[] vector) {
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        ObjectNode embedding = predict()
                ? response.putArray("predictions").addObject().putObject("embeddings")
                : response.putObject("embedding");
        ArrayNode values = embedding.putArray("values");
        for (double v : vector) {
            values.add(v);
        }
        return response;
    }

    /** The embedding's values in a recorded {@code response} (a missing node when there are none). */
    JsonNode values(JsonNode response) {
        return predict()
                ? response.path("predictions").path(0).path("embeddings").path("values")
                : response.path("embedding").path("values");
    }
}
