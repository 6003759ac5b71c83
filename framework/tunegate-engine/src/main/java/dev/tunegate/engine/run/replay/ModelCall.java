package dev.tunegate.engine.run.replay;

import dev.tunegate.client.ModelName;
import dev.tunegate.client.model.GenerateContentRequest;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One model call as a test makes it: the endpoint path ({@code models/x:generateContent} or
 * {@code tunedModels/y:streamGenerateContent}), the request, the repeat index of the sample, and the
 * test it belongs to (stored in the recording for people reading it, not part of its key).
 */
@API(status = API.Status.INTERNAL)
public record ModelCall(String endpoint, GenerateContentRequest request, int repeat, String suite, String test) {
    public ModelCall {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(request, "request");
        if (repeat < 0) {
            throw new IllegalArgumentException("repeat index must be >= 0");
        }
    }

    /**
     * The endpoint for a model name and a method: {@code endpoint("models/m", true)} is
     * {@code models/m:streamGenerateContent}. A Vertex AI name's project is replaced by {@code -}
     * ({@code projects/-/locations/L/endpoints/E:generateContent}), so that a recording made in one developer's
     * project replays in another's.
     */
    public static String endpoint(String model, boolean streaming) {
        return portable(model) + (streaming ? ":streamGenerateContent" : ":generateContent");
    }

    static String portable(String model) {
        try {
            return ModelName.parse(model).portableName();
        } catch (IllegalArgumentException e) {
            return model;
        }
    }

    /** True for {@code streamGenerateContent} calls. */
    public boolean streaming() {
        return endpoint.endsWith(":streamGenerateContent");
    }
}
