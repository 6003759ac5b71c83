package dev.tunegate.engine.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import dev.tunegate.emulator.GeminiEmulator;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Engine throughput benchmark (a main class that prints figures, not a test). Generates a suite of
 * N cases × V variants, starts the emulator with a fixed latency of L ms per request, runs the suite
 * through the JUnit Launcher with {@code tunegate.concurrency=C}, and prints wall time, the ideal
 * time N·V·L/C, the overhead per case-variant, requests per second and the peak heap.
 *
 * <pre>java -Xmx512m -cp … dev.tunegate.engine.bench.EngineBenchmark N V L C [streaming|fake]</pre>
 *
 * <p>{@code -Dbench.warmups=N} runs the suite N times first in the same JVM and measures the next run
 * (the engine with the JIT warm). Every run prints the CPU used per case-variant by kind of thread
 * ({@link ThreadCpu}: the test thread, the engine's other threads, the HTTP client, the emulator, JIT).
 *
 * <p>{@code -Dbench.mode=record} and {@code -Dbench.mode=replay} with {@code -Dbench.dir=D} measure
 * replay: the record run writes the suite and its recordings to {@code D} (kept), and a replay run in
 * a new JVM answers every call from them ({@code tunegate.mode=replay}, no request is made); the
 * figure that counts for replay is case-variants per second from JVM start.
 *
 * <p>{@code fake} replaces the HTTP client and the emulator by in-process models that answer after
 * L ms, which measures the engine's own overhead (discovery, pipeline, matchers, JUnit events). The
 * client owns the concurrency limit, so with no client the look-ahead is set to C to keep at most C
 * calls in flight.
 */
public final class EngineBenchmark {

    private EngineBenchmark() {}

    public static void main(String[] args) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int v = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int latency = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int c = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        boolean streaming = args.length > 4 && args[4].equals("streaming");
        boolean fake = args.length > 4 && args[4].equals("fake");
        int warmups = Integer.getInteger("bench.warmups", 0);
        String mode = System.getProperty("bench.mode", "live");
        String kept = System.getProperty("bench.dir");
        Path dir = kept != null ? Files.createDirectories(Path.of(kept)) : Files.createTempDirectory("tunegate-bench");
        Path suite = mode.equals("replay") ? dir.resolve("bench.eval.yaml") : writeSuite(dir, n, v);
        java.util.logging.Logger.getLogger("dev.tunegate.engine").setLevel(java.util.logging.Level.WARNING);

        PeakHeap peak = new PeakHeap();
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                .port(0)
                .latency(Duration.ofMillis(latency))
                .threads(Math.max(16, 2 * c))
                // the client opens at most C connections: threads beyond that are only created and dropped
                .maxConnections(Math.max(16, 2 * c))
                .build()
                .start()) {
            Launcher launcher = fake
                    ? LauncherFactory.create(org.junit.platform.launcher.core.LauncherConfig.builder()
                            .enableTestEngineAutoRegistration(false)
                            .addTestEngines(dev.tunegate.engine.BenchEngines.fake(latency))
                            .build())
                    : LauncherFactory.create();
            // Warm-up rounds run the same suite first (each into its own reports directory) so that the measured
            // round shows the engine with the JIT warm, as a long-running JVM (an IDE, a Gradle daemon) would have it.
            for (int round = 1; round <= warmups; round++) {
                long t = System.nanoTime();
                SummaryGeneratingListener warm = new SummaryGeneratingListener();
                launcher.execute(
                        launcher.discover(request(
                                suite, dir.resolve("reports-warmup-" + round), emulator, c, streaming, fake, mode)),
                        warm);
                System.out.printf(
                        "warm-up round %d:      %8.3f s (%d tests succeeded)%n",
                        round, (System.nanoTime() - t) / 1e9, warm.getSummary().getTestsSucceededCount());
            }
            LauncherDiscoveryRequest request =
                    request(suite, dir.resolve("reports"), emulator, c, streaming, fake, mode);
            emulator.reset();
            peak.start();
            long cpuStart = cpuNanos();
            ThreadCpu.Recorder threads = ThreadCpu.Recorder.start();
            long start = System.nanoTime();
            TestPlan plan = launcher.discover(request);
            long discovered = System.nanoTime();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            launcher.execute(plan, summary);
            long end = System.nanoTime();
            long cpu = cpuNanos() - cpuStart;
            Map<String, Double> byKind = threads.stop(cpu / 1e9);
            peak.stop();
            int peakInFlight = fake
                    ? dev.tunegate.engine.BenchEngines.fakePeakInFlight()
                    : ((Number) emulator.stats().get("peakInFlight")).intValue();

            TestExecutionSummary s = summary.getSummary();
            long calls = (long) n * v;
            double wall = (end - start) / 1e9;
            double execution = (end - discovered) / 1e9;
            double ideal = calls * (latency / 1000.0) / c;
            double sinceJvmStart = (System.currentTimeMillis() - jvmStart) / 1000.0;
            System.out.printf(
                    "TuneGate engine benchmark: N=%d cases, V=%d variants, L=%d ms, C=%d, %s, -Xmx=%d MiB%n",
                    n,
                    v,
                    latency,
                    c,
                    (warmups > 0 ? warmups + " warm-up round(s), " : "cold JVM, ")
                            + (fake
                                    ? "in-process fake models (no HTTP)"
                                    : streaming ? "emulator, streaming" : "emulator")
                            + ("live".equals(mode) ? "" : ", tunegate.mode=" + mode),
                    Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf(
                    "tests: %d found, %d succeeded, %d failed, %d aborted%n",
                    s.getTestsFoundCount(),
                    s.getTestsSucceededCount(),
                    s.getTestsFailedCount(),
                    s.getTestsAbortedCount());
            System.out.printf("discovery:            %8.3f s%n", (discovered - start) / 1e9);
            System.out.printf("execution:            %8.3f s%n", execution);
            System.out.printf("wall (disc.+exec.):   %8.3f s   (JVM start to end: %.3f s)%n", wall, sinceJvmStart);
            System.out.printf(
                    "ideal N·V·L/C:        %8.3f s   wall/ideal = %s%n",
                    ideal, ideal > 0 ? String.format("%.3f", wall / ideal) : "n/a");
            System.out.printf(
                    "overhead/case-variant:%8.3f ms  ((wall - ideal) / (N·V))%n", (wall - ideal) * 1000 / calls);
            System.out.printf(
                    "case-variants/s:      %8.1f   (from JVM start: %.1f)%n", calls / wall, calls / sinceJvmStart);
            System.out.printf(
                    "peak in-flight:       %8d   (requests the %s had at once; configured concurrency %d)%n",
                    peakInFlight, fake ? "fake models" : "emulator", c);
            System.out.printf(
                    "process CPU:          %8.3f s   = %.3f ms per case-variant (engine, client and emulator together;"
                            + " load average %.1f on %d cores)%n",
                    cpu / 1e9,
                    cpu / 1e6 / calls,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf(
                    "peak heap used:       %8.1f MiB (sampled every 20 ms; sum of pool peaks %.1f MiB)%n",
                    peak.peak() / (1024.0 * 1024.0), poolPeaks() / (1024.0 * 1024.0));
            StringBuilder kinds = new StringBuilder();
            byKind.forEach((kind, seconds) -> kinds.append(String.format(
                    "%n  %-24s %7.2f s = %6.3f ms per case-variant", kind, seconds, seconds * 1000 / calls)));
            double own = byKind.getOrDefault("benchmark", 0.0); // the heap and thread samplers
            System.out.printf(
                    "process CPU w/o bench:%8.3f s   = %.3f ms per case-variant (without the benchmark's own samplers)%n",
                    cpu / 1e9 - own, (cpu / 1e9 - own) * 1000 / calls);
            System.out.println(
                    "process CPU by thread kind:" + (threads.available() ? kinds : " (not available on this system)"));
            long gates = v > 1 ? v - 1 : 1; // strict mode: one gate test per candidate
            if (s.getTestsSucceededCount() != calls + gates) {
                s.printFailuresTo(new java.io.PrintWriter(System.out), 3);
                System.exit(1);
            }
        } finally {
            if (kept == null) {
                deleteTree(dir);
            } else if (Files.exists(dir.resolve("reports"))) {
                deleteTree(dir.resolve("reports"));
            }
        }
    }

    private static LauncherDiscoveryRequest request(
            Path suite, Path reports, GeminiEmulator emulator, int c, boolean streaming, boolean fake, String mode) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectFile(suite.toFile()))
                .filters(includeEngines("tunegate"))
                .configurationParameter("tunegate.endpoint", emulator.baseUrl())
                .configurationParameter("tunegate.concurrency", Integer.toString(c))
                // no client in fake mode: the look-ahead alone keeps at most C calls in flight
                .configurationParameters(fake ? Map.of("tunegate.look-ahead", Integer.toString(c)) : Map.of())
                .configurationParameter("tunegate.streaming", Boolean.toString(streaming))
                .configurationParameter("tunegate.mode", mode)
                .configurationParameter(
                        "tunegate.cassettes", suite.resolveSibling("cassettes").toString())
                .configurationParameter("tunegate.suite.max-bytes", Long.toString(1L << 30))
                // reports and Allure results (on by default) go to the temporary directory;
                // -Dtunegate.allure.enabled=false
                // and -Dtunegate.reports.enabled=false measure the engine without them
                .configurationParameter("tunegate.reports.dir", reports.toString())
                .configurationParameter(
                        "tunegate.allure.enabled", System.getProperty("tunegate.allure.enabled", "true"))
                .configurationParameter(
                        "tunegate.reports.enabled", System.getProperty("tunegate.reports.enabled", "true"))
                .build();
    }

    /** Deletes a directory tree file by file (a sorted walk would hold every path of 200,000 result files at once). */
    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
                    throws IOException {
                Files.delete(file);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path directory, IOException e) throws IOException {
                Files.delete(directory);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long poolPeaks() {
        long pools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                pools += pool.getPeakUsage().getUsed();
            }
        }
        return pools;
    }

    private static Path writeSuite(Path dir, int n, int v) throws IOException {
        Path suite = dir.resolve("bench.eval.yaml");
        StringBuilder yaml = new StringBuilder("suite: bench\nmodels:\n");
        for (int i = 0; i < v; i++) {
            yaml.append("  v").append(i).append(": models/gemini-2.0-flash\n");
        }
        yaml.append("generationConfig: {temperature: 0, maxOutputTokens: 32}\n")
                .append("defaults:\n  expect:\n    - finishReason: STOP\ncases:\n  - casesFrom: cases.jsonl\n");
        Files.writeString(suite, yaml);
        try (Writer out = Files.newBufferedWriter(dir.resolve("cases.jsonl"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                out.write("{\"id\":\"c" + i + "\",\"prompt\":\"What is " + i + " + {{x}}?\",\"vars\":{\"x\":" + (i % 7)
                        + "}}\n");
            }
        }
        return suite;
    }

    /** Samples heap usage (after GC peaks are what matter for -Xmx) every 20 ms. */
    private static final class PeakHeap {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        void start() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            running = true;
            thread = new Thread(
                    () -> {
                        while (running) {
                            peak.accumulateAndGet(
                                    ManagementFactory.getMemoryMXBean()
                                            .getHeapMemoryUsage()
                                            .getUsed(),
                                    Math::max);
                            try {
                                Thread.sleep(20);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "peak-heap");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        long peak() {
            return peak.get();
        }
    }
}
