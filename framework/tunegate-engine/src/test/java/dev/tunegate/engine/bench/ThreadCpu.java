package dev.tunegate.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * CPU time of the benchmark process per kind of thread (the test thread, the engine's own threads, the
 * HTTP client, the emulator, JIT compilers, GC), read from {@code /proc/self/task} so that the JVM's
 * own threads count too. Linux only; elsewhere it says so. Threads come and go during a run (the
 * emulator's connection threads time out when idle), so a {@link Recorder} samples every thread
 * while the run lasts and keeps the last figure of those that ended; what ended between two samples
 * is shown as the difference to the process CPU ("ended between samples").
 */
final class ThreadCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private static final long SAMPLE_MILLIS = 1000;

    private ThreadCpu() {}

    /** Samples the threads from {@link #start} until {@link #stop} and sums their CPU per kind. */
    static final class Recorder {
        private final Map<String, Long> atStart;
        private final Map<String, Long> last = new ConcurrentHashMap<>();
        private final Map<String, String> kinds = new ConcurrentHashMap<>();
        private final boolean available;
        private volatile boolean running = true;
        private final Thread sampler;

        private Recorder() {
            Map<String, Long> now = new HashMap<>();
            available = read(now, new HashMap<>());
            atStart = now;
            sampler = new Thread(
                    () -> {
                        while (running) {
                            sample();
                            try {
                                Thread.sleep(SAMPLE_MILLIS);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "bench-thread-sampler");
            sampler.setDaemon(true);
        }

        static Recorder start() {
            Recorder recorder = new Recorder();
            recorder.sampler.start();
            return recorder;
        }

        private void sample() {
            Map<String, Long> ticks = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            read(ticks, names);
            last.putAll(ticks);
            kinds.putAll(names);
        }

        /** Stops sampling and returns the CPU seconds per kind of thread since {@link #start}, largest first. */
        Map<String, Double> stop(double processCpuSeconds) throws InterruptedException {
            running = false;
            sampler.interrupt();
            sampler.join();
            sample();
            Map<String, Double> byKind = new HashMap<>();
            last.forEach((id, t) -> {
                double used = (t - atStart.getOrDefault(id, 0L)) / TICKS_PER_SECOND;
                if (used > 0) {
                    byKind.merge(kinds.get(id), used, Double::sum);
                }
            });
            double seen =
                    byKind.values().stream().mapToDouble(Double::doubleValue).sum();
            if (available && processCpuSeconds - seen > 0.05) {
                byKind.put("ended between samples", processCpuSeconds - seen);
            }
            Map<String, Double> sorted = new LinkedHashMap<>();
            byKind.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }

        boolean available() {
            return available;
        }
    }

    /** Reads every live thread's CPU ticks and kind; false when {@code /proc} is not there. */
    private static boolean read(Map<String, Long> ticks, Map<String, String> kinds) {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return false;
        }
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
                    String id = t.getFileName().toString();
                    ticks.put(id, used);
                    kinds.put(id, kind(name));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            });
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    /**
     * The kind of a thread from its Linux name (the first 15 characters of the Java name), e.g.
     * {@code tunegate-emulat} for the emulator's connection threads ({@code tunegate-emulator-N}).
     */
    static String kind(String name) {
        if (name.equals("java")) {
            return "test thread"; // the launcher's main thread: discovery, the tests, end-of-run reports
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT " + name.substring(0, 2);
        }
        if (name.startsWith("GC ")
                || name.startsWith("G1 ")
                || name.startsWith("VM ")
                || name.equals("Sweeper thread")
                || name.startsWith("Service Thread")
                || name.startsWith("Monitor Deflati")) {
            return "GC/VM";
        }
        if (name.startsWith("JFR ")) {
            return "JFR";
        }
        if (name.startsWith("tunegate-emulat") || name.startsWith("HTTP-Dispatcher") || name.startsWith("fake-model")) {
            return "emulator";
        }
        if (name.startsWith("OkHttp") || name.startsWith("tunegate-client")) {
            return "HTTP client";
        }
        if (name.startsWith("tunegate-allure")) {
            return "engine: Allure writer";
        }
        if (name.startsWith("tunegate-")) {
            return "engine: other"; // call feeder, matcher workers and watchdog, judges
        }
        if (name.startsWith("bench-") || name.startsWith("peak-heap")) {
            return "benchmark";
        }
        return "other";
    }
}
