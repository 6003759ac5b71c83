package dev.tunegate.emulator.generation;

import dev.tunegate.client.model.FunctionCall;
import org.apiguardian.api.API;

/**
 * What an {@link Answerer} says: either text or a function call (then {@code text} is null).
 */
@API(status = API.Status.EXPERIMENTAL)
public record Answer(String text, FunctionCall functionCall) {
    public Answer {
        if ((text == null) == (functionCall == null)) {
            throw new IllegalArgumentException("an answer is exactly one of text or functionCall");
        }
    }

    /** A text answer. */
    public static Answer text(String text) {
        return new Answer(text, null);
    }

    /** A function-call answer. */
    public static Answer call(FunctionCall call) {
        return new Answer(null, call);
    }
}
