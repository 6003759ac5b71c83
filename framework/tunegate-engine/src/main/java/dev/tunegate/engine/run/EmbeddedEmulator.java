package dev.tunegate.engine.run;

import dev.tunegate.emulator.GeminiEmulator;
import java.nio.file.Path;
import java.util.Optional;

/** The in-process Gemini emulator for {@code tunegate.endpoint=embedded}: a free loopback port, one per run. */
final class EmbeddedEmulator implements AutoCloseable {

    private final GeminiEmulator emulator;

    private EmbeddedEmulator(GeminiEmulator emulator) {
        this.emulator = emulator;
    }

    static EmbeddedEmulator start(Optional<Path> dataDir) {
        GeminiEmulator.Builder builder = GeminiEmulator.builder().port(0);
        dataDir.ifPresent(builder::dataDir);
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
