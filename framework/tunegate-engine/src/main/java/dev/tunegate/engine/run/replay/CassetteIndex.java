package dev.tunegate.engine.run.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The recording files of each suite folder, listed once, when the run first looks a recording of that
 * suite up (not a file-system check per call); files are read only when their call is made. Recordings
 * this run writes are added as they are written; files that other processes add during the run are not
 * seen.
 */
final class CassetteIndex {

    private final Map<Path, Set<String>> bySuiteFolder = new ConcurrentHashMap<>();

    /** Whether {@code file} (in a suite folder) was there when its folder was listed, or written since. */
    boolean contains(Path file) {
        return names(file.getParent()).contains(file.getFileName().toString());
    }

    /** Notes a recording this run has just written. */
    void added(Path file) {
        names(file.getParent()).add(file.getFileName().toString());
    }

    private Set<String> names(Path folder) {
        return bySuiteFolder.computeIfAbsent(folder, CassetteIndex::list);
    }

    private static Set<String> list(Path folder) {
        Set<String> names = ConcurrentHashMap.newKeySet();
        try (Stream<Path> files = Files.list(folder)) {
            files.forEach(f -> names.add(f.getFileName().toString()));
        } catch (NoSuchFileException e) {
            // no recording of this suite yet
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list recordings in " + folder + ": " + e.getMessage(), e);
        }
        return names;
    }
}
