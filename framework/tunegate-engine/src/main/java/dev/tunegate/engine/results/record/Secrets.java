package dev.tunegate.engine.results.record;

import java.util.Map;

/** Removes the API key (read from its environment variable) from every text a report writes. */
final class Secrets {

    static final String MASK = "[REDACTED]";

    private final String key;

    Secrets(String apiKeyEnv, Map<String, String> environment) {
        String value = environment.get(apiKeyEnv);
        this.key = value == null || value.strip().length() < 4 ? null : value.strip();
    }

    String redact(String text) {
        return text == null || key == null ? text : text.replace(key, MASK);
    }
}
