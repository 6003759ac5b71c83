package dev.tunegate.engine.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.engine.results.record.ShardMerge;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The scale proof of sharding (a main class that prints figures, not a test): a suite of N cases × 2
 * variants runs in S shards ({@code tunegate.shard=i/S}), one after the other on this machine, the
 * shards' summaries are merged ({@link ShardMerge}), and the same suite runs unsharded; it prints the
 * wall time of every shard, the merge time, and whether the merged {@code summary.json} equals the
 * unsharded one (but for run id, times and the shard-only fields). Models are in-process and
 * deterministic (the engine's fake gateway: every variant answers the same prompt the same way, as a
 * replay of one recording would), so both runs judge the same answers; half of the cases fail their
 * regex, so the counts and intervals are not trivial.
 *
 * <pre>java -Xmx1g -cp … dev.tunegate.engine.bench.ShardBenchmark [N=100000] [S=4]</pre>
 */
public final class ShardBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShardBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int shards = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        java.util.logging.Logger.getLogger("dev.tunegate.engine").setLevel(java.util.logging.Level.WARNING);
        Path dir = Files.createTempDirectory("tunegate-shard-bench");
        Path suite = writeSuite(dir, n);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(dev.tunegate.engine.BenchEngines.fake(0))
                .build());
        System.out.printf(
                "TuneGate shard benchmark: N=%d cases x 2 variants in %d shards, -Xmx=%d MiB%n",
                n, shards, Runtime.getRuntime().maxMemory() >> 20);
        List<Path> parts = new ArrayList<>();
        for (int i = 1; i <= shards; i++) {
            Path reports = dir.resolve("shard-" + i);
            long tests = run(launcher, suite, reports, Map.of("tunegate.shard", i + "/" + shards), "shard " + i);
            parts.add(reports);
            System.out.printf("   (%d case-variant tests)%n", tests);
        }
        long start = System.nanoTime();
        ShardMerge.merge(parts, dir.resolve("merged"), Map.of());
        System.out.printf("merge of %d shards:   %8.3f s%n", shards, (System.nanoTime() - start) / 1e9);
        run(launcher, suite, dir.resolve("whole"), Map.of(), "unsharded");
        List<Double> mergedCosts = new ArrayList<>();
        List<Double> wholeCosts = new ArrayList<>();
        JsonNode merged = comparable(dir.resolve("merged"), mergedCosts);
        JsonNode whole = comparable(dir.resolve("whole"), wholeCosts);
        boolean costs = mergedCosts.size() == wholeCosts.size();
        for (int i = 0; costs && i < wholeCosts.size(); i++) {
            costs = Math.abs(mergedCosts.get(i) - wholeCosts.get(i)) <= 1e-9;
        }
        boolean equal = merged.equals(whole) && costs;
        System.out.println("merged summary.json equals the unsharded one: " + equal + " (costs " + mergedCosts + " vs "
                + wholeCosts + ", equal to rounding)");
        System.out.println("reports in " + dir);
        if (!equal) {
            System.exit(1);
        }
    }

    private static long run(Launcher launcher, Path suite, Path reports, Map<String, String> extra, String label) {
        long start = System.nanoTime();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        launcher.execute(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectFile(suite.toFile()))
                        .filters(includeEngines("tunegate"))
                        .configurationParameter("tunegate.look-ahead", "32")
                        .configurationParameter("tunegate.suite.max-bytes", Long.toString(1L << 30))
                        .configurationParameter("tunegate.reports.dir", reports.toString())
                        .configurationParameter("tunegate.allure.enabled", "false")
                        .configurationParameters(extra)
                        .build(),
                summary);
        System.out.printf("%-20s %8.3f s wall", label + ":", (System.nanoTime() - start) / 1e9);
        System.out.println();
        return summary.getSummary().getTestsStartedCount();
    }

    private static Path writeSuite(Path dir, int n) throws java.io.IOException {
        Path suite = dir.resolve("bench.eval.yaml");
        Files.writeString(
                suite,
                "suite: bench\nmodels:\n  v0: models/gemini-2.0-flash\n  v1: models/gemini-2.0-flash\n"
                        + "gate: {candidate: v1, baseline: v0, minPassRate: 0.4, maxRegressions: 0}\n"
                        + "defaults:\n  expect:\n    - regex: '[02468] \\+'\ncases:\n  - casesFrom: cases.jsonl\n");
        try (Writer out = Files.newBufferedWriter(dir.resolve("cases.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                out.write("{\"id\":\"c" + i + "\",\"prompt\":\"What is " + i + " + 1?\"}\n");
            }
        }
        return suite;
    }

    /** The summary without run id, times, shard-only fields and costs (added to {@code costs}: sums round). */
    private static JsonNode comparable(Path reports, List<Double> costs) throws java.io.IOException {
        ObjectNode summary = (ObjectNode)
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        summary.remove(List.of("runId", "startedAt", "finishedAt", "shard"));
        for (JsonNode s : summary.get("suites")) {
            for (JsonNode v : s.get("variants")) {
                if (v.has("usage")) {
                    costs.add(v.at("/usage/costUsd").asDouble());
                    ((ObjectNode) v.get("usage")).remove("costUsd");
                }
            }
            ((ObjectNode) s).remove("gate");
            for (JsonNode c : s.get("cases")) {
                ((ObjectNode) c).remove("index");
            }
        }
        return summary;
    }
}
