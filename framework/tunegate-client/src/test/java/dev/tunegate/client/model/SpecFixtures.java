package dev.tunegate.client.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.GeminiJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the spec examples kept under src/test/resources/spec. */
public final class SpecFixtures {
    public static final ObjectMapper MAPPER = GeminiJson.newMapper();

    private SpecFixtures() {}

    public static String text(String name) {
        try (InputStream in = SpecFixtures.class.getResourceAsStream("/spec/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String name, Class<T> type) {
        try {
            return MAPPER.readValue(text(name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
