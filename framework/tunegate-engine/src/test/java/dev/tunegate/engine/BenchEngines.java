package dev.tunegate.engine;

import org.junit.platform.engine.TestEngine;

/** Engines for {@code EngineBenchmark}: the real one, or one whose models answer in-process with a fixed delay. */
public final class BenchEngines {

    private BenchEngines() {}

    /** A {@code tunegate} engine whose every model echoes the prompt after {@code delayMillis} (no HTTP). */
    public static TestEngine fake(long delayMillis) {
        return new TuneGateTestEngine(new FakeGateway(delayMillis, false).factory());
    }
}
