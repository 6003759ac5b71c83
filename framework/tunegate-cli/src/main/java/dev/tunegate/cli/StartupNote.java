package dev.tunegate.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code tunegate run -v} says about the start of the run: the time from the JVM's start to the first
 * result, and whether the class-data-sharing archive next to the jar was used (the launcher script hands it
 * to the JVM, which runs without it, silently, when it does not match this JVM or jar).
 */
final class StartupNote {

    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

    private StartupNote() {}

    static String describe(Optional<Instant> jvmStart, Optional<Instant> firstResult) {
        String time = jvmStart.isPresent() && firstResult.isPresent()
                ? String.format(
                        Locale.ROOT,
                        "%.2f s after the JVM started",
                        Duration.between(jvmStart.get(), firstResult.get()).toMillis() / 1000.0)
                : "unknown";
        return "First result: " + time + "; class-data sharing: " + classDataSharing();
    }

    /** Whether the JVM was given an archive and mapped it (read from {@code /proc/self/maps} on Linux). */
    static String classDataSharing() {
        Optional<String> archive = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith(ARCHIVE_OPTION))
                .map(a -> a.substring(ARCHIVE_OPTION.length()))
                .reduce((first, last) -> last);
        if (archive.isEmpty()) {
            return "no archive given (the tunegate script next to tunegate.jar gives tunegate.jsa)";
        }
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return archive.get() + " given (whether it matched this JVM is not known on this system)";
        }
        String path = Path.of(archive.get()).toAbsolutePath().normalize().toString();
        try {
            boolean mapped = Files.readAllLines(maps).stream().anyMatch(line -> line.endsWith(" " + path));
            return mapped
                    ? path + " in use"
                    : path + " not used (made by another JVM or for another tunegate.jar; rebuild the jar to"
                            + " renew it, or see why with JAVA_OPTS=-Xlog:cds)";
        } catch (IOException e) {
            return archive.get() + " given (cannot read " + maps + ": " + e.getMessage() + ")";
        }
    }
}
