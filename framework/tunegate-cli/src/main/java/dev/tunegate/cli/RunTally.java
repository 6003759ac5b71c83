package dev.tunegate.cli;

import dev.tunegate.engine.platform.descriptor.TuneGateTest;
import dev.tunegate.engine.run.BudgetExceededException;
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
 * Tallies a {@code tunegate run} as it happens: counts outcomes per suite and variant, remembers gate
 * verdicts and failures, drives the progress bar and works out the exit code. What a test is (case or
 * gate, suite, variant) comes from the engine ({@link TuneGateTest#describe}), not from its id's text.
 */
final class RunTally implements TestExecutionListener, LauncherDiscoveryListener {

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
    private String incomplete;

    private final java.time.Clock clock;
    private java.time.Instant firstResult;

    RunTally(ProgressDisplay progress, java.time.Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    /** When the first test's result arrived (empty before that). */
    synchronized Optional<java.time.Instant> firstResult() {
        return Optional.ofNullable(firstResult);
    }

    // ---- discovery ----

    @Override
    public synchronized void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
        String where = issue.source().map(RunTally::describe).map(s -> s + ": ").orElse("");
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
            Optional<TuneGateTest> test = describe(id);
            if (test.isPresent() && test.get().kind() == TuneGateTest.Kind.CASE) {
                countsFor(test.get()).skipped++;
            }
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
        Optional<TuneGateTest> test = describe(id);
        if (test.isPresent() && test.get().kind() == TuneGateTest.Kind.GATE) {
            gates.add(new Gate(test.get().suite(), test.get().variant(), result.getStatus(), firstLine(failure)));
        }
        if (id.isTest()) {
            if (firstResult == null) {
                firstResult = clock.instant();
            }
            if (test.isPresent() && test.get().kind() == TuneGateTest.Kind.CASE) {
                Counts c = countsFor(test.get());
                switch (result.getStatus()) {
                    case SUCCESSFUL -> c.passed++;
                    case ABORTED -> {
                        if (failure != null && failure.getCause() instanceof AssertionError) {
                            c.tolerated++;
                        } else {
                            c.aborted++;
                        }
                    }
                    case FAILED -> c.failed++;
                }
            }
            if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                FailureCategory category = FailureCategory.ofTest(failure);
                exitCode = ExitCodes.worst(exitCode, category.exitCode);
                problems.add(new Problem(id.getDisplayName(), category, message(failure)));
            } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                aborted.add(new Problem(id.getDisplayName(), null, message(failure)));
                if (failure instanceof BudgetExceededException && incomplete == null) {
                    incomplete = failure.getMessage(); // an incomplete run never passes
                    exitCode = ExitCodes.worst(exitCode, ExitCodes.FAILED);
                }
            }
            step(id);
        } else if (result.getStatus() == TestExecutionResult.Status.FAILED) {
            FailureCategory category = FailureCategory.ofContainer(failure);
            exitCode = ExitCodes.worst(exitCode, category.exitCode);
            problems.add(new Problem(id.getDisplayName() + " (container)", category, message(failure)));
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

    private Counts countsFor(TuneGateTest test) {
        return counts.computeIfAbsent(
                test.suite() + "\u0000" + test.variant(), k -> new Counts(test.suite(), test.variant()));
    }

    /** What the engine says the test is; empty for containers (and before the plan is known). */
    private Optional<TuneGateTest> describe(TestIdentifier id) {
        return plan == null ? Optional.empty() : TuneGateTest.describe(plan, id);
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

    /** Why the run could not make all its calls ({@code tunegate.budget}), or null. */
    synchronized String incomplete() {
        return incomplete;
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
        /** Failed, but the failure only counts towards a gate (the engine reports it as aborted). */
        int tolerated;

        int skipped;

        Counts(String suite, String variant) {
            this.suite = suite;
            this.variant = variant;
        }
    }

    /** The result of one gate test: its suite, the candidate it judged, its JUnit status and the verdict's first line. */
    record Gate(String suite, String candidate, TestExecutionResult.Status status, String verdict) {}

    /** A failed or aborted test with its message. */
    record Problem(String test, FailureCategory category, String message) {}
}
