package dev.tunegate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.SelectorResolutionResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.EngineDiscoveryResult;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Listens to discovery and execution of a run: counts outcomes per suite and variant, remembers gate
 * verdicts and failures, drives the progress bar and works out the exit code.
 */
final class RunRecorder implements TestExecutionListener, LauncherDiscoveryListener {
    private static final String VARIANT_TAG = "variant-";

    private final ProgressDisplay progress;
    private final Map<String, Counts> counts = new LinkedHashMap<>();
    private final List<Gate> gates = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Problem> aborted = new ArrayList<>();
    private final List<String> discoveryIssues = new ArrayList<>();
    private TestPlan plan;
    private long total;
    private long done;
    private int exitCode = ExitCodes.OK;

    RunRecorder(ProgressDisplay progress) {
        this.progress = progress;
    }

    // ---- discovery ----

    @Override
    public synchronized void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
        String where =
                issue.source().map(RunRecorder::describe).map(s -> s + ": ").orElse("");
        discoveryIssues.add(issue.severity() + " " + where + issue.message());
        if (issue.severity() == DiscoveryIssue.Severity.ERROR) {
            exitCode = ExitCodes.worst(exitCode, ExitCodes.USAGE);
        }
    }

    @Override
    public synchronized void selectorProcessed(
            UniqueId engineId, DiscoverySelector selector, SelectorResolutionResult result) {
        if (result.getStatus() == SelectorResolutionResult.Status.FAILED) {
            discoveryIssues.add("ERROR " + selector + ": "
                    + result.getThrowable().map(Throwable::getMessage).orElse("could not be resolved"));
            exitCode = ExitCodes.worst(exitCode, ExitCodes.USAGE);
        }
    }

    @Override
    public synchronized void engineDiscoveryFinished(UniqueId engineId, EngineDiscoveryResult result) {
        if (result.getStatus() == EngineDiscoveryResult.Status.FAILED) {
            discoveryIssues.add("ERROR engine " + engineId + ": "
                    + result.getThrowable().map(String::valueOf).orElse("discovery failed"));
            exitCode = ExitCodes.worst(exitCode, ExitCodes.USAGE);
        }
    }

    // ---- execution ----

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        this.total = testPlan.countTestIdentifiers(TestIdentifier::isTest);
        progress.start("tunegate", total, "tests");
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        progress.close();
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            countsFor(id).skipped++;
            step(id);
        } else {
            long skippedTests = descendantTests(id);
            done += skippedTests;
            progress.update(done, total, id.getDisplayName());
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Throwable failure = result.getThrowable().orElse(null);
        if (isGate(id)) {
            gates.add(new Gate(suiteOf(id), id.getDisplayName(), result.getStatus(), firstLine(failure)));
        }
        if (id.isTest()) {
            if (!isGate(id)) {
                Counts c = countsFor(id);
                switch (result.getStatus()) {
                    case SUCCESSFUL -> c.passed++;
                    case ABORTED -> c.aborted++;
                    case FAILED -> c.failed++;
                }
            }
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                FailureKind kind = FailureKind.ofTest(failure);
                exitCode = ExitCodes.worst(exitCode, kind.exitCode);
                problems.add(new Problem(id.getDisplayName(), kind, message(failure)));
            } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                aborted.add(new Problem(id.getDisplayName(), null, message(failure)));
            }
            step(id);
        } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            FailureKind kind = FailureKind.ofContainer(failure);
            exitCode = ExitCodes.worst(exitCode, kind.exitCode);
            problems.add(new Problem(id.getDisplayName() + " (container)", kind, message(failure)));
        }
    }

    private void step(TestIdentifier id) {
        done++;
        progress.update(done, total, id.getDisplayName());
    }

    private long descendantTests(TestIdentifier container) {
        if (plan == null) {
            return 0;
        }
        return plan.getDescendants(container).stream()
                .filter(TestIdentifier::isTest)
                .count();
    }

    private Counts countsFor(TestIdentifier id) {
        String suite = suiteOf(id);
        String variant = variantOf(id);
        return counts.computeIfAbsent(suite + "\u0000" + variant, k -> new Counts(suite, variant));
    }

    /** The display name of the test's ancestor directly below the engine, i.e. its suite. */
    private String suiteOf(TestIdentifier id) {
        if (plan == null) {
            return id.getDisplayName();
        }
        TestIdentifier current = id;
        while (true) {
            Optional<TestIdentifier> parent = plan.getParent(current);
            if (parent.isEmpty() || plan.getParent(parent.get()).isEmpty()) {
                return current.getDisplayName();
            }
            current = parent.get();
        }
    }

    private static String variantOf(TestIdentifier id) {
        return id.getTags().stream()
                .map(t -> t.getName())
                .filter(n -> n.startsWith(VARIANT_TAG))
                .map(n -> n.substring(VARIANT_TAG.length()))
                .findFirst()
                .orElse("-");
    }

    private static boolean isGate(TestIdentifier id) {
        return id.isTest()
                && id.getUniqueIdObject()
                        .getLastSegment()
                        .getType()
                        .toLowerCase()
                        .contains("gate");
    }

    private static String message(Throwable failure) {
        if (failure == null) {
            return "";
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message.strip();
    }

    private static String firstLine(Throwable failure) {
        String message = message(failure);
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static String describe(TestSource source) {
        if (source instanceof FileSource file) {
            return file.getFile()
                    + file.getPosition()
                            .map(p -> ":" + p.getLine()
                                    + p.getColumn().map(c -> ":" + c).orElse(""))
                            .orElse("");
        }
        return source.toString();
    }

    // ---- results ----

    synchronized int exitCode() {
        return exitCode;
    }

    synchronized long testsFound() {
        return total;
    }

    synchronized List<Counts> counts() {
        return List.copyOf(counts.values());
    }

    synchronized List<Gate> gates() {
        return List.copyOf(gates);
    }

    synchronized List<Problem> problems() {
        return List.copyOf(problems);
    }

    synchronized List<Problem> aborted() {
        return List.copyOf(aborted);
    }

    synchronized List<String> discoveryIssues() {
        return List.copyOf(discoveryIssues);
    }

    /** Outcome counts of one variant in one suite. */
    static final class Counts {
        final String suite;
        final String variant;
        int passed;
        int failed;
        int aborted;
        int skipped;

        Counts(String suite, String variant) {
            this.suite = suite;
            this.variant = variant;
        }
    }

    /** The result of one gate test. */
    record Gate(String suite, String name, TestExecutionResult.Status status, String verdict) {}

    /** A failed or aborted test with its message. */
    record Problem(String test, FailureKind kind, String message) {}
}
