package dev.tunegate.engine.run.replay;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One text to embed as a check of a test makes it, recorded as the {@code embedContent} call that embeds it
 * alone: the endpoint ({@code models/text-embedding-004:embedContent}, a Vertex AI name with its project
 * replaced by {@code -}), the request, and the suite and test it belongs to (for people reading the recording,
 * not part of its key). One recording per text, whatever batches the live run sent, so that a replay finds
 * every text however the texts were batched.
 */
record EmbeddingCall(String endpoint, String text, String suite, String test) {
    EmbeddingCall {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(text, "text");
    }

    /** The call embedding {@code text} with {@code model}. */
    static EmbeddingCall of(String model, String text, String suite, String test) {
        return new EmbeddingCall(ModelCall.portable(model) + ":embedContent", text, suite, test);
    }

    /** The {@code embedContent} request body: {@code {content: {parts: [{text}]}}}. */
    ObjectNode request() {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.putObject("content").putArray("parts").addObject().put("text", text);
        return request;
    }
}
