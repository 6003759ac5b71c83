package dev.tunegate.engine.results.record;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Removes the API keys (read from their environment variables) from every text a report writes. */
final class Secrets {

    static final String MASK = "[REDACTED]";

    private final List<String> keys;

    Secrets(List<String> keyEnvs, Map<String, String> environment) {
        this.keys = keyEnvs.stream()
                .map(environment::get)
                .filter(Objects::nonNull)
                .map(String::strip)
                .filter(v -> v.length() >= 4)
                .toList();
    }

    String redact(String text) {
        String out = text;
        for (String key : keys) {
            out = out == null ? null : out.replace(key, MASK);
        }
        return out;
    }
}
