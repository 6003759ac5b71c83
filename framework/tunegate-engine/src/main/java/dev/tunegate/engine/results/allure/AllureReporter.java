package dev.tunegate.engine.results.allure;

import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.results.report.VariantResult;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Writes TuneGate's Allure results: one per case &times; variant with the <em>true</em> outcome (not the
 * JUnit status, which says what is enforced), plus one per gate test.
 *
 * <p>Two modes, chosen per test so that results never appear twice:
 * <ul>
 *   <li>alone (no Allure listener): results are built from TuneGate's records and written with the
 *       engine's own {@link AllureLifecycle} (by default into {@code <reports>/allure-results}); a case's
 *       variants are written together once the case is complete, each with the per-case side-by-side
 *       attachment;</li>
 *   <li>with {@code allure-junit-platform}: that listener has already started an Allure test for the
 *       JUnit test on this thread (recognised by its {@code junit.platform.uniqueid} label); TuneGate
 *       fills it in instead of writing its own, and {@link TrueStatusListener} restores the true status
 *       the listener would otherwise overwrite with the JUnit one.</li>
 * </ul>
 * Calls come from the test thread in execution order.
 */
@API(status = API.Status.INTERNAL)
public final class AllureReporter {

    private static final String UNIQUE_ID_LABEL = "junit.platform.uniqueid";

    /** Labels that place a result in Allure's tree: TuneGate's suite → case replaces the listener's. */
    private static final Set<String> TREE_LABELS = Set.of("parentSuite", "suite", "subSuite");

    private final AllureLifecycle own;
    private final Supplier<AllureLifecycle> shared;
    private final Clock clock;
    private final Runnable awaitWritten;
    private final Executor writes;
    private final Map<String, Seen> currentCase = new LinkedHashMap<>();
    private final List<Seen> pending = new ArrayList<>();
    private String currentKey;

    /**
     * @param own    the engine's lifecycle (its writer decides where results go)
     * @param shared the lifecycle an Allure JUnit listener would use ({@code Allure::getLifecycle})
     * @param clock  time source for result timestamps
     */
    public AllureReporter(AllureLifecycle own, Supplier<AllureLifecycle> shared, Clock clock) {
        this(own, shared, clock, Runnable::run, () -> {});
    }

    /**
     * As above, for a lifecycle whose writer works in the background: the results of each complete case
     * are built and written by {@code writes} (so that neither building nor writing them holds up the
     * tests), and {@code awaitWritten} returns once everything handed to it is written (see
     * {@link BackgroundResultsWriter}).
     */
    public AllureReporter(
            AllureLifecycle own,
            Supplier<AllureLifecycle> shared,
            Clock clock,
            Executor writes,
            Runnable awaitWritten) {
        this.own = own;
        this.shared = shared;
        this.clock = clock;
        this.writes = writes;
        this.awaitWritten = awaitWritten;
    }

    /** Writes the results still held and waits until every result of the run is written (end of the run). */
    public synchronized void finish() {
        flush();
        awaitWritten.run();
    }

    /** Records one finished case &times; variant test (its JUnit outcome is thrown after this returns). */
    public void variantFinished(AllureCase info, VariantResult result, Optional<String> toleratedReason) {
        variantFinished(info, result.status(), () -> result, toleratedReason);
    }

    /**
     * Records one finished case &times; variant test whose true outcome is {@code status} and whose detailed
     * result {@code result} makes when the Allure result is built (possibly on another thread, so it must
     * only read what does not change).
     */
    public synchronized void variantFinished(
            AllureCase info, Outcome status, Supplier<VariantResult> result, Optional<String> toleratedReason) {
        String key = info.suite() + "#" + info.caseId();
        if (!key.equals(currentKey)) {
            flush();
            currentKey = key;
        }
        Seen seen = new Seen(info, status, result, toleratedReason);
        currentCase.put(info.variant().name(), seen);
        Optional<String> listenerTest = listenerTest(info.junitUniqueId());
        if (listenerTest.isEmpty()) {
            pending.add(seen);
            return;
        }
        AllureLifecycle lifecycle = shared.get();
        Attachments files = new Attachments();
        TestResult built = build(seen, files);
        files.files().forEach(f -> lifecycle.writeAttachment(f.getKey(), new ByteArrayInputStream(f.getValue())));
        String uuid = listenerTest.get();
        lifecycle.updateTestCase(uuid, tr -> copy(built, tr));
        TrueStatusListener.remember(uuid, built.getStatus(), built.getStatusDetails());
    }

    /** Writes the results still held for the current case (call at the end of each suite and run). */
    public synchronized void flush() {
        if (!pending.isEmpty()) {
            List<Seen> written = List.copyOf(pending);
            List<Seen> all = List.copyOf(currentCase.values());
            List<FailureKind> kinds = written.stream().map(this::kind).toList();
            long now = clock.millis();
            writes.execute(() -> writeCase(written, all, kinds, now));
        }
        pending.clear();
        currentCase.clear();
        currentKey = null;
    }

    /**
     * Builds and writes the results of one case's variants, with one side-by-side page they all share and
     * one file for each distinct attachment.
     */
    private void writeCase(List<Seen> written, List<Seen> all, List<FailureKind> kinds, long stopMillis) {
        Attachments files = new Attachments();
        Seen first = written.get(0);
        Attachment sideBySide = files.add(
                "answers side by side",
                "text/html",
                "html",
                SideBySide.render(
                        first.info().suite(),
                        first.info().caseId(),
                        first.info().prompt(),
                        all));
        List<TestResult> results = new ArrayList<>(written.size());
        for (int i = 0; i < written.size(); i++) {
            Seen seen = written.get(i);
            TestResult built = AllureResultBuilder.build(seen.info(), seen.result(), kinds.get(i), stopMillis, files);
            built.setAttachments(new ArrayList<>(List.of(sideBySide)));
            results.add(built);
        }
        files.files().forEach(f -> own.writeAttachment(f.getKey(), new ByteArrayInputStream(f.getValue())));
        results.forEach(this::writeFinished);
    }

    /** Records a gate test's verdict (its JUnit outcome is thrown after this returns). */
    public synchronized void gateFinished(
            String suite, String suitePath, GateVerdict verdict, String junitUniqueId, String displayName) {
        flush();
        Attachments files = new Attachments();
        String testCaseId = AllureIds.gateTestCaseId(suite);
        long now = clock.millis();
        TestResult tr = new TestResult()
                .setUuid(UUID.randomUUID().toString())
                .setName(displayName)
                .setFullName(suitePath + ":gate")
                .setTestCaseId(testCaseId)
                .setTestCaseName(suite + " › gate")
                .setHistoryId(AllureIds.historyId(testCaseId, verdict.candidate()))
                .setTitlePath(List.of(suite, "gate"))
                .setStage(Stage.FINISHED)
                .setStart(now)
                .setStop(now)
                .setStatus(verdict.passed() ? Status.PASSED : Status.FAILED)
                .setDescriptionHtml(GateHtml.render(verdict));
        if (!verdict.passed()) {
            // The failed rules, one short line each (the description holds the whole table).
            String header = verdict.table().lines().findFirst().orElse("Gate FAILED");
            tr.setStatusDetails(new StatusDetails().setMessage(header + "\n" + String.join("\n", verdict.reasons())));
        }
        List<Label> labels = new ArrayList<>(List.of(
                ResultsUtils.createSuiteLabel(suite),
                ResultsUtils.createSubSuiteLabel("gate"),
                // The gate judges the candidate: its result belongs with the candidate's (environment).
                ResultsUtils.createLabel(AllureResultBuilder.VARIANT_LABEL, verdict.candidate()),
                ResultsUtils.createLabel(AllureResultBuilder.ROLE_LABEL, Role.CANDIDATE.yamlName()),
                ResultsUtils.createFeatureLabel(suite),
                ResultsUtils.createStoryLabel("gate"),
                ResultsUtils.createTagLabel("gate"),
                ResultsUtils.createSeverityLabel("blocker"),
                ResultsUtils.createFrameworkLabel("tunegate"),
                ResultsUtils.createLanguageLabel("java")));
        if (junitUniqueId != null) {
            labels.add(ResultsUtils.createLabel(UNIQUE_ID_LABEL, junitUniqueId));
        }
        tr.setLabels(labels);
        tr.setParameters(List.of(
                new Parameter()
                        .setName("candidate")
                        .setValue(verdict.candidate())
                        .setExcluded(false),
                new Parameter()
                        .setName("baseline")
                        .setValue(String.valueOf(verdict.baseline()))
                        .setExcluded(true)));
        tr.setAttachments(List.of(files.add("gate verdict", "text/plain", "txt", verdict.table())));
        Optional<String> listenerTest = listenerTest(junitUniqueId);
        if (listenerTest.isPresent()) {
            AllureLifecycle lifecycle = shared.get();
            files.files().forEach(f -> lifecycle.writeAttachment(f.getKey(), new ByteArrayInputStream(f.getValue())));
            lifecycle.updateTestCase(listenerTest.get(), t -> copy(tr, t));
            TrueStatusListener.remember(listenerTest.get(), tr.getStatus(), tr.getStatusDetails());
        } else {
            write(tr, files);
        }
    }

    private TestResult build(Seen seen, Attachments files) {
        TestResult tr = AllureResultBuilder.build(seen.info(), seen.result(), kind(seen), clock.millis(), files);
        List<Seen> all = new ArrayList<>(currentCase.values());
        String html = SideBySide.render(
                seen.info().suite(), seen.info().caseId(), seen.info().prompt(), all);
        List<Attachment> attachments = new ArrayList<>();
        attachments.add(files.add("answers side by side", "text/html", "html", html));
        tr.setAttachments(attachments);
        return tr;
    }

    /** Why the result did not pass, judged against the baseline's result on the same case. */
    private FailureKind kind(Seen seen) {
        Role role = seen.info().variant().role();
        if (role == Role.BASELINE) {
            return FailureKind.BASELINE_FAILURE;
        }
        if (role == Role.REFERENCE) {
            return FailureKind.REFERENCE_FAILURE;
        }
        boolean baselinePassed = currentCase.values().stream()
                .filter(s -> s.info().variant().role() == Role.BASELINE)
                .anyMatch(s -> s.status() == Outcome.PASSED);
        if (baselinePassed) {
            return FailureKind.REGRESSION;
        }
        return seen.toleratedReason().isPresent()
                ? FailureKind.TOLERATED_CANDIDATE_FAILURE
                : FailureKind.CANDIDATE_FAILURE;
    }

    private void write(TestResult tr, Attachments files) {
        files.files().forEach(f -> own.writeAttachment(f.getKey(), new ByteArrayInputStream(f.getValue())));
        writeFinished(tr);
    }

    /**
     * Writes a complete result: Allure's lifecycle marks a scheduled result {@code scheduled}, and only its
     * stop step (which would overwrite the recorded stop time) marks it {@code finished}; so the stage is
     * set back here, keeping the result's own timing.
     */
    private void writeFinished(TestResult tr) {
        own.scheduleTestCase(tr);
        own.updateTestCase(tr.getUuid(), t -> t.setStage(Stage.FINISHED));
        own.writeTestCase(tr.getUuid());
    }

    /** The uuid of the Allure test a JUnit listener started for this JUnit test on this thread, if any. */
    private Optional<String> listenerTest(String junitUniqueId) {
        AllureLifecycle lifecycle = shared.get();
        if (lifecycle == own || junitUniqueId == null) {
            return Optional.empty();
        }
        Optional<String> uuid = lifecycle.getCurrentTestCase();
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        boolean[] ours = {false};
        lifecycle.updateTestCase(
                uuid.get(),
                tr -> ours[0] = tr.getLabels().stream()
                        .anyMatch(l -> UNIQUE_ID_LABEL.equals(l.getName()) && junitUniqueId.equals(l.getValue())));
        return ours[0] ? uuid : Optional.empty();
    }

    /** Copies TuneGate's view into the listener's result, keeping the listener's uuid and timing. */
    private static void copy(TestResult from, TestResult to) {
        to.setName(from.getName())
                .setFullName(from.getFullName())
                .setTestCaseId(from.getTestCaseId())
                .setTestCaseName(from.getTestCaseName())
                .setHistoryId(from.getHistoryId())
                .setTitlePath(from.getTitlePath())
                .setDescription(from.getDescription())
                .setDescriptionHtml(from.getDescriptionHtml())
                .setStatus(from.getStatus())
                .setStatusDetails(from.getStatusDetails());
        List<Label> labels = new ArrayList<>(from.getLabels());
        to.getLabels().stream()
                .filter(l -> !TREE_LABELS.contains(l.getName()))
                .filter(l -> labels.stream().noneMatch(mine -> mine.getName().equals(l.getName())))
                .forEach(labels::add);
        to.setLabels(labels);
        to.setParameters(new ArrayList<>(from.getParameters()));
        to.setLinks(new ArrayList<>(from.getLinks()));
        to.getSteps().addAll(from.getSteps());
        to.getAttachments().addAll(from.getAttachments());
    }
}
