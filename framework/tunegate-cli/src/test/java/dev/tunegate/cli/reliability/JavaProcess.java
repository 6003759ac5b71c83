package dev.tunegate.cli.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running the {@code tunegate} command line (the shaded jar of this build, or the test
 * class path), with its output in a log file and its resident memory read from {@code /proc}: the
 * current RSS and the peak (VmHWM), sampled while it runs because the peak is gone once it exits.
 */
final class JavaProcess implements AutoCloseable {
    private static final String MAIN = "dev.tunegate.cli.TuneGateCli";

    private final Process process;
    private final Path log;
    private final Thread sampler;
    private volatile long peakRssKb = -1;

    private JavaProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        this.sampler = new Thread(this::sample, "rss-" + process.pid());
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts {@code java -Xmx<heap> -cp <classPath> TuneGateCli <args>} in {@code dir}, output to {@code log}. */
    static JavaProcess start(String classPath, String heap, Path dir, Path log, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN);
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new JavaProcess(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the exit code; a process still running after {@code timeout} is killed and reported as hung (-1). */
    int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        sampler.join(1000);
        return process.exitValue();
    }

    /** {@code kill -9}: no shutdown hook, no finally block, no flush runs in the child. Returns its exit code. */
    int kill9() throws InterruptedException, IOException {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        return waitFor(Duration.ofSeconds(30));
    }

    /** The output so far. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Resident memory now, in KiB (-1 when unknown: not Linux, or exited). */
    long rssKb() {
        return status("VmRSS:");
    }

    /** The highest resident memory seen while it ran, in KiB (-1 when unknown). */
    long peakRssKb() {
        return peakRssKb;
    }

    private void sample() {
        while (process.isAlive()) {
            long hwm = status("VmHWM:");
            if (hwm > peakRssKb) {
                peakRssKb = hwm;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(
                            line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
