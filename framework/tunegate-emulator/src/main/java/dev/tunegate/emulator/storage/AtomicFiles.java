package dev.tunegate.emulator.storage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apiguardian.api.API;

/**
 * Writes a file so that a crash never leaves it half written: into a temporary file beside it ({@code .<name>…tmp}),
 * then moved over it, atomically where the file system can. The emulator's object store and tuning stores write
 * through it.
 */
@API(status = API.Status.INTERNAL)
public final class AtomicFiles {

    /** Writes a file's content to the path it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFiles() {}

    /** Replaces {@code target} (whose folder exists) with what {@code content} writes; no temporary file is left. */
    public static void write(Path target, Content content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            content.writeTo(temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
