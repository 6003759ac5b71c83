package dev.tunegate.client.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** A turn of a conversation: a role ("user", "model", ...) and its parts. */
@API(status = API.Status.EXPERIMENTAL)
public record Content(String role, List<Part> parts) {
    public Content {
        parts = Unions.copy(parts);
    }

    /** A user turn holding one text part. */
    public static Content user(String text) {
        return new Content("user", List.of(Part.text(text)));
    }

    /** A model turn holding one text part. */
    public static Content model(String text) {
        return new Content("model", List.of(Part.text(text)));
    }

    /** A content without role holding one text part (e.g. a system instruction). */
    public static Content text(String text) {
        return new Content(null, List.of(Part.text(text)));
    }

    /** A content with the given role and parts. */
    public static Content of(String role, Part... parts) {
        return new Content(role, List.of(parts));
    }

    /** The concatenated text of all text parts, or null when there is none. */
    public String text() {
        if (parts == null) {
            return null;
        }
        List<String> texts =
                parts.stream().map(Part::text).filter(Objects::nonNull).toList();
        return texts.isEmpty() ? null : texts.stream().collect(Collectors.joining());
    }
}
