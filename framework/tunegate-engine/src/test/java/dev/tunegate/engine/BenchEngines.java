package dev.tunegate.engine;

import org.junit.platform.engine.TestEngine;

/** Engines for {@code EngineBenchmark}: the real one, or one whose models answer in-process with a fixed delay. */
public final class BenchEngines {

    private BenchEngines() {}

    private static volatile FakeGateway lastFake;

    /** A {@code tunegate} engine whose every model echoes the prompt after {@code delayMillis} (no HTTP). */
    public static TestEngine fake(long delayMillis) {
        FakeGateway gateway = new FakeGateway(delayMillis, false);
        lastFake = gateway;
        return new TuneGateTestEngine(gateway.factory());
    }

    /** The most calls the last {@link #fake} engine's models had in flight at once. */
    public static int fakePeakInFlight() {
        FakeGateway gateway = lastFake;
        return gateway == null ? 0 : gateway.maxInFlight.get();
    }
}
