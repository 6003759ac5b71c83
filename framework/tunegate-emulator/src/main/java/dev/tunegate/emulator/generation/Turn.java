package dev.tunegate.emulator.generation;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One turn of the conversation as answerers see it: the role ({@code user}, {@code model} or
 * {@code function}), the concatenated text of its text parts (function calls and responses rendered as
 * text), and a short description of each non-text part (e.g. {@code image/jpeg, 1234 bytes}).
 */
@API(status = API.Status.EXPERIMENTAL)
public record Turn(String role, String text, List<String> attachments) {
    public Turn {
        role = role == null ? "user" : role;
        text = text == null ? "" : text;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A user turn with text only. */
    public static Turn user(String text) {
        return new Turn("user", text, List.of());
    }

    /** Whether this turn comes from the model. */
    public boolean isModel() {
        return "model".equals(role);
    }
}
