package dev.tunegate.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code kill -9} of {@code tunegate run --mode auto} half-way, then the same command again. A complete
 * live run writes a passing {@code summary.json} first, so that the killed run has a verdict it could
 * wrongly leave behind or overwrite. After the kill: every recording on disk is whole JSON, and the only
 * {@code summary.json} is the earlier run's, older than the killed run (which {@code tunegate:verify}
 * refuses as stale), so the killed run is reported nowhere as passed. The resumed run must call the
 * model only for the calls without a recording (none repeated), evaluate every case and pass; a replay
 * run after it must find every recording (no model call at all).
 */
final class KillResumeRun {
    private static final int SUITES = 3;
    private static final int CASES = 50;
    private static final int CALLS = SUITES * CASES * 2;

    private final String classPath;

    KillResumeRun(String classPath) {
        this.classPath = classPath;
    }

    Figures run(Path work) throws Exception {
        Figures figures = new Figures("kill -9 and resume, " + SUITES + " suites x " + CASES
                + " cases x 2 variants, 80 ms per call, concurrency 4, --mode auto");
        Path dir = Files.createDirectories(work.resolve("kill-resume"));
        for (int s = 0; s < SUITES; s++) {
            RunFiles.suite(dir.resolve("suites"), "suite-" + s, CASES);
        }
        Path cassettes = dir.resolve("cassettes");
        Path reports = dir.resolve("reports");
        try (EmulatorProcess emulator = EmulatorProcess.start(classPath, dir, List.of("--latency-ms", "80"))) {
            // a complete earlier run: its passing verdict is what a killed run could leave behind
            int live = start(emulator, dir, "live", "live.log").waitFor(Duration.ofMinutes(5));
            RunFiles.Outcome earlier = RunFiles.Outcome.read(reports);
            figures.expect("earlier complete run (live): exit code", live, 0)
                    .check(earlier.passed(), "the earlier live run passed");

            long callsBefore = emulator.generateCalls();
            Thread.sleep(1100); // file times are compared with the killed run's start below
            FileTime killedRunStart = FileTime.fromMillis(System.currentTimeMillis());
            JavaProcess killed = start(emulator, dir, "auto", "killed.log");
            long started = System.nanoTime();
            while (recordings(cassettes).size() < CALLS * 2 / 5 && killed.isAlive()) {
                Thread.sleep(10);
            }
            double killedAfter = (System.nanoTime() - started) / 1e9;
            int killedExit = killed.kill9();
            List<Path> recorded = recordings(cassettes);
            long corrupt = recorded.stream().filter(f -> !whole(f)).count();
            long leftovers = temporaryFiles(cassettes);
            long callsKilled = emulator.generateCalls() - callsBefore;
            figures.add("killed after", String.format("%.1f s (%d of %d calls made)", killedAfter, callsKilled, CALLS))
                    .expect("exit code of the killed run (128 + SIGKILL)", killedExit, 137)
                    .add("recordings on disk after the kill", recorded.size() + " of " + CALLS)
                    .check(recorded.size() > 0 && recorded.size() < CALLS, "the kill came mid-run")
                    .expect("recordings not whole JSON", corrupt, 0)
                    .add("temporary files left by the kill", leftovers);
            RunFiles.Outcome afterKill = RunFiles.Outcome.read(reports);
            FileTime summaryTime = Files.getLastModifiedTime(RunFiles.summaryFile(reports));
            figures.check(
                            afterKill.runId().equals(earlier.runId()),
                            "summary.json after the kill is still the earlier run's (" + earlier.runId() + "), was "
                                    + afterKill.runId())
                    .check(
                            summaryTime.compareTo(killedRunStart) < 0,
                            "summary.json is older than the killed run (tunegate:verify refuses it as stale)")
                    .add(
                            "verdict of the killed run",
                            afterKill.runId().equals(earlier.runId()) && summaryTime.compareTo(killedRunStart) < 0
                                    ? "none (summary.json is the earlier run's, stale)"
                                    : "WRITTEN: " + afterKill);

            long callsBeforeResume = emulator.generateCalls();
            JavaProcess resumed = start(emulator, dir, "auto", "resumed.log");
            int resumedExit = resumed.waitFor(Duration.ofMinutes(5));
            long callsResumed = emulator.generateCalls() - callsBeforeResume;
            RunFiles.Outcome outcome = RunFiles.Outcome.read(reports);
            figures.expect("resumed run (auto): exit code", resumedExit, 0)
                    .expect("calls made by the resumed run", callsResumed, CALLS - recorded.size())
                    .expect("recorded calls repeated after resume", callsResumed - (CALLS - recorded.size()), 0)
                    .expect("cases evaluated", outcome.evaluated(), CALLS)
                    .expect("cases not passed", outcome.notPassed(), 0)
                    .expect("cases lost (not run)", outcome.skipped(), 0)
                    .check(outcome.passed(), "the resumed run's summary.json says passed")
                    .check(!outcome.runId().equals(earlier.runId()), "the resumed run wrote its own summary.json")
                    .expect(
                            "recordings after the resumed run",
                            recordings(cassettes).size(),
                            CALLS)
                    .expect("temporary files after the resumed run", temporaryFiles(cassettes), 0)
                    .add("peak RSS of the resumed run (-Xmx512m)", Figures.mib(resumed.peakRssKb()));

            long callsBeforeReplay = emulator.generateCalls();
            int replayExit = start(emulator, dir, "replay", "replay.log").waitFor(Duration.ofMinutes(5));
            RunFiles.Outcome replayed = RunFiles.Outcome.read(reports);
            figures.expect("replay run: exit code", replayExit, 0)
                    .expect("replay run: model calls", emulator.generateCalls() - callsBeforeReplay, 0)
                    .expect(
                            "replay run: cases evaluated and passed",
                            replayed.evaluated() - replayed.notPassed(),
                            CALLS);
            if (!figures.passed()) {
                figures.add("logs", dir);
            }
        }
        return figures;
    }

    private JavaProcess start(EmulatorProcess emulator, Path dir, String mode, String log) {
        return JavaProcess.start(
                classPath,
                "512m",
                dir,
                dir.resolve(log),
                List.of(
                        "run",
                        "suites",
                        "--endpoint",
                        emulator.baseUrl(),
                        "--mode",
                        mode,
                        "--cassettes",
                        "cassettes",
                        "--reports",
                        "reports",
                        "--concurrency",
                        "4",
                        "--no-progress",
                        "-Dtunegate.allure.enabled=false"));
    }

    private static List<Path> recordings(Path cassettes) throws IOException {
        return files(cassettes, name -> name.endsWith(".json") && !name.startsWith("."));
    }

    private static long temporaryFiles(Path cassettes) throws IOException {
        return files(cassettes, name -> name.endsWith(".tmp")).size();
    }

    /** Files in the suites' folders of {@code cassettes} by name only: a running engine moves them meanwhile. */
    private static List<Path> files(Path cassettes, Predicate<String> name) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(cassettes)) {
            return found;
        }
        try (DirectoryStream<Path> suites = Files.newDirectoryStream(cassettes)) {
            for (Path suite : suites) {
                if (!Files.isDirectory(suite)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(suite)) {
                    files.forEach(f -> {
                        if (name.test(f.getFileName().toString())) {
                            found.add(f);
                        }
                    });
                }
            }
        }
        return found;
    }

    /** A recording is whole when it is JSON with its key and a response (or the chunks of one). */
    private static boolean whole(Path recording) {
        try {
            JsonNode root = EmulatorProcess.JSON.readTree(recording.toFile());
            return root.hasNonNull("key") && (root.has("response") || root.has("chunks"));
        } catch (IOException e) {
            return false;
        }
    }
}
