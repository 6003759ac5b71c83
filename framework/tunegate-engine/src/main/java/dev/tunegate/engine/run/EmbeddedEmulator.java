package dev.tunegate.engine.run;

import dev.tunegate.emulator.GeminiEmulator;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The in-process Gemini emulator for {@code tunegate.endpoint=embedded}: a free loopback port, one per
 * run, serving the Gemini API, the Vertex AI surface (with the endpoints of
 * {@code tunegate.emulator.deploy}) and Cloud Storage (in {@code tunegate.emulator.gcs-dir}).
 */
final class EmbeddedEmulator implements AutoCloseable {

    private final GeminiEmulator emulator;

    private EmbeddedEmulator(GeminiEmulator emulator) {
        this.emulator = emulator;
    }

    /**
     * Starts the emulator with its data directory, its Cloud Storage directory (default: under the data
     * directory, else temporary) and its Vertex AI deployments (endpoint id to model).
     *
     * @throws IllegalArgumentException when a deployment names a model the emulator does not serve
     */
    static EmbeddedEmulator start(Optional<Path> dataDir, Optional<Path> gcsDir, Map<String, String> deployments) {
        GeminiEmulator.Builder builder = GeminiEmulator.builder().port(0);
        dataDir.ifPresent(builder::dataDir);
        gcsDir.ifPresent(builder::gcsDir);
        deployments.forEach(builder::deploy);
        return new EmbeddedEmulator(builder.build().start());
    }

    String baseUrl() {
        return emulator.baseUrl();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
