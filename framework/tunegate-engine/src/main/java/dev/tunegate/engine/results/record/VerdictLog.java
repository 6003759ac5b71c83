package dev.tunegate.engine.results.record;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apiguardian.api.API;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.engine.support.store.NamespacedHierarchicalStore;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Logs the verdict block ({@link dev.tunegate.engine.results.report.VerdictBlock}) once per launcher
 * session, at INFO on logger {@code dev.tunegate.engine}, when the session closes. Surefire opens one
 * session for all test classes of a test JVM and launches the engine once per {@code @Suite} class
 * inside it, so the block appears once per run, covering every suite (the last launch's reports cover
 * them all). Registered through {@code META-INF/services}; a launch without a session that has this
 * listener (EngineTestKit, a launcher with auto-registration off) logs nothing.
 */
@API(status = API.Status.INTERNAL)
public final class VerdictLog implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger("dev.tunegate.engine");
    private static final Namespace NAMESPACE = Namespace.create(VerdictLog.class.getName());
    private static final String KEY = "runs";

    /** Created by the launcher's service loader. */
    public VerdictLog() {}

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            session.getStore().put(NAMESPACE, KEY, new Runs());
        } catch (LinkageError olderPlatform) {
            // JUnit Platform before 1.13 has no session store: no block
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            if (session.getStore().get(NAMESPACE, KEY) instanceof Runs runs) {
                runs.log();
            }
        } catch (LinkageError olderPlatform) {
            // no session store, nothing was collected
        }
    }

    /**
     * Where an engine execution hands its finished run: the session's collector found through the
     * execution request's store, or null when no session of this listener encloses the execution.
     */
    public static Runs of(NamespacedHierarchicalStore<Namespace> requestStore) {
        try {
            return requestStore != null && requestStore.get(NAMESPACE, KEY) instanceof Runs runs ? runs : null;
        } catch (LinkageError olderPlatform) {
            return null;
        }
    }

    /**
     * The session's collector in a store read by namespace name and key (a Jupiter extension's launcher-session
     * store), or null when the session has none.
     */
    public static Runs in(BiFunction<String, String, Object> store) {
        try {
            return store.apply(VerdictLog.class.getName(), KEY) instanceof Runs runs ? runs : null;
        } catch (LinkageError olderPlatform) {
            return null;
        }
    }

    /** The latest verdict block per reports directory of one session. */
    @API(status = API.Status.INTERNAL)
    public static final class Runs {
        private final Map<Path, String> blocks = new LinkedHashMap<>();

        Runs() {}

        /** The run writing to {@code reportsDir} finished with {@code block} (replacing an earlier launch's). */
        synchronized void finished(Path reportsDir, String block) {
            blocks.put(reportsDir.toAbsolutePath().normalize(), block);
        }

        synchronized void log() {
            blocks.values().forEach(block -> LOG.logp(Level.INFO, VerdictLog.class.getName(), "session closed", block));
            blocks.clear();
        }
    }
}
