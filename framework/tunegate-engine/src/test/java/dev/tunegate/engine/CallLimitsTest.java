package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import dev.tunegate.emulator.GeminiEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code tunegate.concurrency} and {@code tunegate.rate-limit.rpm} have one owner, the client: the
 * engine hands them to it and a real emulator sees them hold, while the engine's pipeline only
 * looks ahead.
 */
class CallLimitsTest {

    @TempDir
    Path dir;

    private Path suite(int cases) throws IOException {
        StringBuilder yaml = new StringBuilder("suite: limits\nmodels:\n  flash: models/gemini-2.0-flash\ncases:\n");
        for (int i = 0; i < cases; i++) {
            yaml.append("  - {id: c")
                    .append(i)
                    .append(", prompt: \"Say hello ")
                    .append(i)
                    .append("\"}\n");
        }
        Path file = dir.resolve("limits.eval.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private EngineExecutionResults run(Path suite, GeminiEmulator emulator, String key, String value) {
        return EngineTestKit.engine("tunegate")
                .selectors(selectFile(suite.toFile()))
                .configurationParameter("tunegate.endpoint", emulator.baseUrl())
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("reports").toString())
                .configurationParameter(key, value)
                .execute();
    }

    @Test
    void theEmulatorNeverSeesMoreCallsInFlightThanTheConcurrency() throws IOException {
        Path suite = suite(24);
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                .port(0)
                .latency(Duration.ofMillis(40))
                .build()
                .start()) {
            run(suite, emulator, "tunegate.concurrency", "3")
                    .testEvents()
                    .assertStatistics(s -> s.started(25).succeeded(25));
            assertThat(((Number) emulator.stats().get("peakInFlight")).intValue())
                    .as("calls in flight at the emulator, at most tunegate.concurrency, and more than one (run ahead)")
                    .isBetween(2, 3);
        }
    }

    @Test
    void theRateLimitSpacesCallsAtTheEmulator() throws IOException {
        Path suite = suite(6);
        try (GeminiEmulator emulator = GeminiEmulator.builder().port(0).build().start()) {
            long start = System.nanoTime();
            run(suite, emulator, "tunegate.rate-limit.rpm", "600")
                    .testEvents()
                    .assertStatistics(s -> s.started(7).succeeded(7));
            // 600 per minute is one start per 100 ms: the sixth call cannot start before 500 ms after the first.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        }
    }
}
