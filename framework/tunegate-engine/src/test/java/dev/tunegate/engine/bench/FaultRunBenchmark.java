package dev.tunegate.engine.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.GeminiEmulator;
import dev.tunegate.emulator.faults.FaultPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The reliability fault run of issue 15 (a main class that prints figures, not a test): N cases × 2 variants
 * against an emulator injecting 20% 429 (announcing {@code Retry-After: R} s), 10% 503 and 5% cut streams,
 * with default retry settings, once without and once with streaming. Prints, per run, the cases evaluated,
 * the spurious failures (every case has no matcher, so any case not passed is one), and the retries
 * reported in {@code summary.json} against the faults the emulator injected.
 *
 * <pre>java -cp … dev.tunegate.engine.bench.FaultRunBenchmark [N=250] [R=1]</pre>
 */
public final class FaultRunBenchmark {
    private FaultRunBenchmark() {}

    public static void main(String[] args) throws IOException {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 250;
        int retryAfter = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        boolean allGood = true;
        for (boolean streaming : new boolean[] {false, true}) {
            allGood &= run(cases, retryAfter, streaming);
        }
        System.exit(allGood ? 0 : 1);
    }

    private static boolean run(int cases, int retryAfter, boolean streaming) throws IOException {
        Path dir = Files.createTempDirectory("tunegate-faults");
        Path suite = dir.resolve("faults.eval.yaml");
        StringBuilder yaml = new StringBuilder(
                "suite: faults\nmodels:\n  base: models/gemini-2.0-flash\n  next: models/gemini-1.5-flash\ncases:\n");
        for (int i = 0; i < cases; i++) {
            yaml.append("  - {id: c")
                    .append(i)
                    .append(", prompt: \"Tell me about ")
                    .append(i)
                    .append("\"}\n");
        }
        Files.writeString(suite, yaml);
        FaultPlan plan = FaultPlan.NONE
                .withErrorRates(0.20, 0, 0.10)
                .withCutStreamRate(0.05)
                .withRetryAfterSeconds(retryAfter)
                .withSeed(15);
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).faults(plan).build().start()) {
            Path reports = dir.resolve("reports");
            long start = System.nanoTime();
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectFile(suite.toFile()))
                    .filters(includeEngines("tunegate"))
                    .configurationParameter("tunegate.endpoint", emulator.baseUrl())
                    .configurationParameter("tunegate.streaming", Boolean.toString(streaming))
                    .configurationParameter("tunegate.reports.dir", reports.toString())
                    .configurationParameter("tunegate.allure.enabled", "false")
                    .build());
            double seconds = (System.nanoTime() - start) / 1e9;
            @SuppressWarnings("unchecked")
            Map<String, Long> faults = (Map<String, Long>) emulator.stats().get("faultsInjected");
            long injected = faults.values().stream().mapToLong(Long::longValue).sum();
            int evaluated = 0;
            int spurious = 0;
            long retries = 0;
            JsonNode summary;
            try (var files = Files.walk(reports)) {
                Path file = files.filter(p -> p.getFileName().toString().equals("summary.json"))
                        .findFirst()
                        .orElseThrow();
                summary = new ObjectMapper().readTree(file.toFile());
            }
            for (JsonNode v : summary.path("suites").get(0).path("variants")) {
                JsonNode counts = v.path("counts");
                evaluated += counts.path("passed").asInt()
                        + counts.path("failed").asInt()
                        + counts.path("errors").asInt();
                spurious +=
                        counts.path("failed").asInt() + counts.path("errors").asInt();
                retries += v.path("retries").asLong();
            }
            System.out.printf(
                    "streaming=%s: %d cases x 2 variants in %.1f s: evaluated %d, spurious failures %d,"
                            + " retries reported %d, faults injected %d %s%n",
                    streaming, cases, seconds, evaluated, spurious, retries, injected, faults);
            return evaluated == 2 * cases && spurious == 0 && retries == injected;
        }
    }
}
