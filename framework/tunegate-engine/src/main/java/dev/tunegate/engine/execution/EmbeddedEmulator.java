package dev.tunegate.engine.execution;

import dev.tunegate.emulator.GeminiEmulator;

/** The in-process Gemini emulator for {@code tunegate.endpoint=embedded}: a free loopback port, one per run. */
final class EmbeddedEmulator implements AutoCloseable {

    private final GeminiEmulator emulator;

    private EmbeddedEmulator(GeminiEmulator emulator) {
        this.emulator = emulator;
    }

    static EmbeddedEmulator start() {
        return new EmbeddedEmulator(GeminiEmulator.builder().port(0).build().start());
    }

    String baseUrl() {
        return emulator.baseUrl();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
