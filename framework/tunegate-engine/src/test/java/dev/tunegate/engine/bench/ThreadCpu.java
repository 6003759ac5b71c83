package dev.tunegate.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of the benchmark process per kind of thread (JIT compilers, GC, the engine's threads, the
 * HTTP client, the emulator), read from {@code /proc/self/task} so that the JVM's own threads count
 * too. Linux only; elsewhere it says so. Threads that ended before a snapshot are not in it.
 */
final class ThreadCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private ThreadCpu() {}

    /** CPU ticks per live thread (by thread id) and its group name, now. */
    static Snapshot snapshot() {
        Map<String, long[]> threads = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return new Snapshot(threads, groups, false);
        }
        try (Stream<Path> list = Files.list(tasks)) {
            list.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
                    String id = t.getFileName().toString();
                    threads.put(id, new long[] {used});
                    groups.put(id, group(name));
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            });
        } catch (IOException e) {
            return new Snapshot(threads, groups, false);
        }
        return new Snapshot(threads, groups, true);
    }

    /** Per-thread CPU at one moment. */
    record Snapshot(Map<String, long[]> ticks, Map<String, String> groups, boolean available) {

        /** CPU used per thread group since {@code earlier}, largest first, e.g. {@code JIT C2 3.10 s, main 1.20 s}. */
        String minus(Snapshot earlier) {
            if (!available) {
                return "(not available on this system)";
            }
            Map<String, Long> byGroup = new HashMap<>();
            ticks.forEach((id, t) -> {
                long before = earlier.ticks().containsKey(id) ? earlier.ticks().get(id)[0] : 0;
                byGroup.merge(groups.get(id), t[0] - before, Long::sum);
            });
            StringBuilder out = new StringBuilder();
            byGroup.entrySet().stream()
                    .filter(e -> e.getValue() > 0)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(
                            e -> out.append(String.format("%s %.2f s, ", e.getKey(), e.getValue() / TICKS_PER_SECOND)));
            return out.length() == 0 ? "(none)" : out.substring(0, out.length() - 2);
        }
    }

    private static String group(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT " + name.substring(0, 2);
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "GC/VM";
        }
        if (name.equals("java")) {
            return "main"; // the launcher's thread: discovery and the tests
        }
        return name.replaceAll("[-#]?\\d+$", "");
    }
}
