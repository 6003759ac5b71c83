package dev.tunegate.cli.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The fault run: N cases × 2 variants through {@code tunegate run} with default settings against an
 * emulator injecting 20% 429 (with {@code Retry-After}), 10% 503 and 5% cut streams. Every case must be
 * evaluated and pass (no spurious failure), the exit code must be 0, and the retries that
 * {@code summary.json} reports must equal the faults the emulator injected.
 */
final class FaultRun {
    private final String classPath;
    private final int cases;

    FaultRun(String classPath, int cases) {
        this.classPath = classPath;
        this.cases = cases;
    }

    Figures run(Path work, boolean streaming) throws Exception {
        Figures figures = new Figures("fault run, " + (streaming ? "streaming" : "not streaming") + ", " + cases
                + " cases x 2 variants, 20% 429 / 10% 503 / 5% cut streams, default retry settings");
        Path dir = Files.createDirectories(work.resolve(streaming ? "faults-streaming" : "faults"));
        RunFiles.suite(dir.resolve("suites"), "faults", cases);
        try (EmulatorProcess emulator = EmulatorProcess.start(
                classPath,
                dir,
                List.of(
                        "--rate-429", "0.2",
                        "--rate-503", "0.1",
                        "--cut-stream-rate", "0.05",
                        "--retry-after", "1",
                        "--fault-seed", "15"))) {
            long start = System.nanoTime();
            JavaProcess cli = JavaProcess.start(
                    classPath,
                    "512m",
                    dir,
                    dir.resolve("run.log"),
                    List.of(
                            "run",
                            "suites",
                            "--endpoint",
                            emulator.baseUrl(),
                            "--reports",
                            "reports",
                            "--no-progress",
                            "-Dtunegate.allure.enabled=false",
                            "-Dtunegate.streaming=" + streaming));
            int exit = cli.waitFor(Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - start) / 1e9;
            RunFiles.Outcome outcome = RunFiles.Outcome.read(dir.resolve("reports"));
            long injected = emulator.faultsInjected();
            figures.add("time", String.format("%.1f s", seconds))
                    .expect("exit code of tunegate run", exit, 0)
                    .expect("cases evaluated", outcome.evaluated(), 2L * cases)
                    .expect("spurious failures", outcome.notPassed(), 0)
                    .expect("cases lost (not run)", outcome.skipped(), 0)
                    .add("requests to the emulator", emulator.generateCalls())
                    .add("faults injected", injected + " " + emulator.stats().path("faultsInjected"))
                    .expect("retries reported in summary.json", outcome.retries(), injected)
                    .add("peak RSS of tunegate run (-Xmx512m)", Figures.mib(cli.peakRssKb()))
                    .add(
                            "RSS of the emulator after",
                            Figures.mib(emulator.process().rssKb()))
                    .check(outcome.passed(), "summary.json says passed");
            if (!figures.passed()) {
                figures.add("output of tunegate run", dir.resolve("run.log"));
            }
        }
        return figures;
    }
}
