package dev.tunegate.engine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of the benchmark process per kind of thread (JIT compilers, GC, the engine's threads, the
 * HTTP client, the emulator), read from {@code /proc/self/task} so that the JVM's own threads count
 * too. Linux only; elsewhere it says so.
 */
final class ThreadCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private ThreadCpu() {
    }

    static String summary() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return "(not available on this system)";
        }
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
                    ticks.merge(group(name), used, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            });
        } catch (IOException e) {
            return "(cannot read /proc/self/task: " + e.getMessage() + ")";
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        StringBuilder out = new StringBuilder();
        sorted.forEach((name, t) -> {
            if (t > 0) {
                out.append(String.format("%s %.2f s, ", name, t / TICKS_PER_SECOND));
            }
        });
        return out.length() == 0 ? "(none)" : out.substring(0, out.length() - 2);
    }

    private static String group(String name) {
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "JIT " + name.substring(0, 2);
        }
        if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
            return "GC/VM";
        }
        return name.replaceAll("[-#]?\\d+$", "");
    }
}
