package dev.tunegate.engine.results.record;

import dev.tunegate.engine.results.report.SuiteResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run per reports directory per JVM. Surefire launches the engine once per {@code @Suite} class
 * in the same JVM, and every launch writes to the same reports directory. The reports must cover all
 * of these launches, and the Allure results of an earlier launch must not be deleted by a later one.
 * Launches that write to different directories, such as tests with temporary directories, stay
 * separate.
 */
final class SharedRuns {

    private static final Map<Path, Shared> RUNS = new ConcurrentHashMap<>();

    private SharedRuns() {}

    /** The run that writes to {@code reportsDir}, started now if this JVM has none yet. */
    static Shared of(Path reportsDir, Instant now) {
        return RUNS.computeIfAbsent(reportsDir.toAbsolutePath().normalize(), dir -> new Shared(now));
    }

    /** Suites and identity of one run shared by the launches that write to the same directory. */
    static final class Shared {
        final String runId = UUID.randomUUID().toString();
        final Instant startedAt;
        private final Map<String, SuiteResult> suites = new LinkedHashMap<>();
        private boolean allureCleaned;

        Shared(Instant startedAt) {
            this.startedAt = startedAt;
        }

        /** Adds the suites of a finished launch; a suite that ran again replaces its earlier result. */
        synchronized List<SuiteResult> add(List<SuiteResult> finished) {
            for (SuiteResult s : finished) {
                suites.remove(s.location());
                suites.put(s.location(), s);
            }
            return new ArrayList<>(suites.values());
        }

        /** True only the first time: the Allure results directory is cleaned once per run. */
        synchronized boolean firstAllureClean() {
            boolean first = !allureCleaned;
            allureCleaned = true;
            return first;
        }
    }
}
