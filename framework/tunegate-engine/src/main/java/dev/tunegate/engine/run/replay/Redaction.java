package dev.tunegate.engine.run.replay;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Replaces secret values (the API key) by {@code [REDACTED]} in text written to recordings. */
final class Redaction {
    static final String MARK = "[REDACTED]";
    private final List<String> secrets;

    Redaction(List<String> secrets) {
        this.secrets = secrets.stream()
                .filter(Objects::nonNull)
                .filter(s -> s.strip().length() >= 4)
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    String apply(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MARK);
        }
        return out;
    }
}
