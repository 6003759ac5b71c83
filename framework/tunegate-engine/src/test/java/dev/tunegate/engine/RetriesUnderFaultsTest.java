package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.GeminiEmulator;
import dev.tunegate.emulator.faults.FaultPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * With default retry settings, a run against an emulator injecting 20% 429 (with a retry hint), 10% 503 and
 * 5% cut streams evaluates every case, and {@code summary.json} reports exactly the retries the emulator
 * caused: one per injected fault, none lost on failed calls, none counted twice for a stream cut mid-way.
 * The emulator announces {@code Retry-After: 0}, so the run stays fast.
 */
class RetriesUnderFaultsTest {
    private static final int CASES = 30;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "streaming={0}")
    @ValueSource(booleans = {false, true})
    void everyCasePassesAndEveryInjectedFaultIsReportedAsARetry(boolean streaming) throws IOException {
        Path suite = suite();
        FaultPlan plan = FaultPlan.NONE
                .withErrorRates(0.20, 0, 0.10)
                .withCutStreamRate(0.05)
                .withRetryAfterSeconds(0)
                .withSeed(7);
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).faults(plan).build().start()) {
            Path reports = dir.resolve("reports");
            run(suite, emulator, reports, "tunegate.streaming", Boolean.toString(streaming))
                    .testEvents()
                    .assertStatistics(s -> s.failed(0).aborted(0));

            long injected = injectedFaults(emulator);
            JsonNode variants = summary(reports).path("suites").get(0).path("variants");
            long reported = 0;
            for (JsonNode v : variants) {
                assertThat(v.path("counts").path("errors").asInt())
                        .as("infrastructure errors of %s", v.path("name").asText())
                        .isZero();
                assertThat(v.path("counts").path("passed").asInt()).isEqualTo(CASES);
                reported += v.path("retries").asLong();
            }
            assertThat(injected).as("faults the emulator injected").isPositive();
            assertThat(reported).as("retries in summary.json").isEqualTo(injected);
        }
    }

    @Test
    void callsThatFailAfterAllAttemptsStillReportTheirRetries() throws IOException {
        Path suite = suite();
        FaultPlan plan = FaultPlan.NONE.withErrorRates(0, 0, 0.5).withSeed(11);
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).faults(plan).build().start()) {
            Path reports = dir.resolve("reports");
            run(suite, emulator, reports, "tunegate.retry.max-attempts", "2");

            long requests = generateRequests(emulator);
            long reported = 0;
            int errors = 0;
            for (JsonNode v : summary(reports).path("suites").get(0).path("variants")) {
                reported += v.path("retries").asLong();
                errors += v.path("counts").path("errors").asInt();
            }
            assertThat(errors).as("calls that failed twice").isPositive();
            assertThat(reported)
                    .as("retries in summary.json: every request but the first of each call")
                    .isEqualTo(requests - 2L * CASES);
        }
    }

    /** A run with default settings but {@code key=value}, its reports under {@code reports}. */
    private static EngineExecutionResults run(
            Path suite, GeminiEmulator emulator, Path reports, String key, String value) {
        return EngineTestKit.engine("tunegate")
                .selectors(selectFile(suite.toFile()))
                .configurationParameter("tunegate.endpoint", emulator.baseUrl())
                .configurationParameter("tunegate.reports.dir", reports.toString())
                .configurationParameter(key, value)
                .execute();
    }

    private Path suite() throws IOException {
        StringBuilder yaml = new StringBuilder("suite: faults\nmodels:\n"
                + "  base: models/gemini-2.0-flash\n  next: models/gemini-1.5-flash\ncases:\n");
        for (int i = 0; i < CASES; i++) {
            yaml.append("  - {id: c")
                    .append(i)
                    .append(", prompt: \"Tell me a short story about the number ")
                    .append(i)
                    .append("\"}\n");
        }
        Path file = dir.resolve("faults.eval.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Requests of generateContent (not the models.get of discovery's model check). */
    @SuppressWarnings("unchecked")
    private static long generateRequests(GeminiEmulator emulator) {
        Map<String, Map<String, Long>> byEndpoint =
                (Map<String, Map<String, Long>>) emulator.stats().get("requests");
        return byEndpoint.entrySet().stream()
                .filter(e -> e.getKey().contains("enerateContent"))
                .flatMap(e -> e.getValue().values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }

    @SuppressWarnings("unchecked")
    private static long injectedFaults(GeminiEmulator emulator) {
        Map<String, Long> faults = (Map<String, Long>) emulator.stats().get("faultsInjected");
        return faults.values().stream().mapToLong(Long::longValue).sum();
    }

    private static JsonNode summary(Path reports) throws IOException {
        try (Stream<Path> files = Files.walk(reports)) {
            Path summary = files.filter(p -> p.getFileName().toString().equals("summary.json"))
                    .findFirst()
                    .orElseThrow();
            return new ObjectMapper().readTree(summary.toFile());
        }
    }
}
