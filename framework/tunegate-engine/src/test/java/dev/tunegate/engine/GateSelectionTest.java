package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Issue 12, item 1: no filter (tags, {@code tunegate.variants}, {@code tunegate.filter.name}) or
 * selection leaves a suite's gate unjudged while its cases run, and a gate over a subset says so.
 *
 * <p>{@code gates/tagged.eval.yaml}: over all five cases the candidate's gate fails (3 of 5 pass, two
 * regressions); over the two {@code critical} cases it passes.
 */
class GateSelectionTest {

    static final String TAGGED = "dev/tunegate/engine/gates/tagged.eval.yaml";
    static final String PROMOTION = GateExecutionTest.PROMOTION;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    private EngineExecutionResults run(Map<String, String> params, List<Filter<?>> filters, String... resources) {
        EngineTestKit.Builder kit = EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .configurationParameter("tunegate.reports.dir", reports.toString())
                .filters(filters.toArray(new Filter<?>[0]));
        params.forEach(kit::configurationParameter);
        for (String resource : resources) {
            kit.selectors(selectClasspathResource(resource));
        }
        return kit.execute();
    }

    /** The gate test of {@code tagged.eval.yaml} failed with a message that satisfies {@code message}. */
    private static void assertGateFailed(EngineExecutionResults results, Predicate<String> message) {
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1, event(test(), displayName("tagged › gate [tuned]"), finishedWithFailure(message(message))));
    }

    private JsonNode summary() throws Exception {
        JsonNode summary =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        try (InputStream schema = getClass().getResourceAsStream("/tunegate-summary.schema.json")) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                            .getSchema(JSON.readTree(schema))
                            .validate(summary))
                    .isEmpty();
        }
        return summary;
    }

    @Test
    void aTagFilterOnCaseTagsSelectsTheGateWhichJudgesTheSelectedCasesOnly() throws Exception {
        EngineExecutionResults results = run(Map.of(), List.of(TagFilter.includeTags("critical")), TAGGED);

        results.testEvents().assertStatistics(s -> s.started(5).succeeded(5).failed(0));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test(), displayName("tagged › gate [tuned]"), finishedSuccessfully()));
        JsonNode summary = summary();
        assertThat(summary.get("passed").asBoolean()).isTrue();
        JsonNode gate = summary.at("/suites/0/candidates/0");
        assertThat(gate.get("verdict").asText()).isEqualTo("passed");
        assertThat(gate.get("subset").asBoolean()).isTrue();
        assertThat(gate.get("judgedCases").asInt()).isEqualTo(2);
        assertThat(gate.get("suiteCases").asInt()).isEqualTo(5);
    }

    @Test
    void aGateOverASubsetSaysSoInItsFailureMessage() throws Exception {
        EngineExecutionResults results = run(Map.of(), List.of(TagFilter.includeTags("critical | tone")), TAGGED);

        assertGateFailed(
                results,
                m -> m.startsWith("Gate FAILED for suite 'tagged'")
                        && m.contains("Judged a subset: 3 of 5 cases ran on candidate 'tuned'")
                        && m.contains("maxRegressions"));
        JsonNode gate = summary().at("/suites/0/candidates/0");
        assertThat(gate.get("verdict").asText()).isEqualTo("failed");
        assertThat(gate.get("judgedCases").asInt()).isEqualTo(3);
    }

    @Test
    void aTagExclusionThatRemovesTheGateLeavesItToTheSuiteWhichJudgesIt() throws Exception {
        for (Filter<?> filter : List.of(TagFilter.excludeTags("critical"), TagFilter.includeTags("!critical"))) {
            EngineExecutionResults results = run(Map.of(), List.of(filter), TAGGED);

            results.testEvents().assertStatistics(s -> s.started(6));
            assertThat(results.testEvents().started().stream()
                            .map(e -> e.getTestDescriptor().getDisplayName()))
                    .as("the exclusion removed the gate test, which carries the tag 'critical'")
                    .doesNotContain("tagged › gate [tuned]");
            results.containerEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    container("tagged"),
                                    finishedWithFailure(message(
                                            m -> m.contains("The gate test of suite 'tagged' was" + " not selected")
                                                    && m.contains("Gate FAILED for suite 'tagged'")
                                                    && m.contains("Judged a subset: 3 of 5 cases")))));
            JsonNode gate = summary().at("/suites/0/candidates/0");
            assertThat(gate.get("verdict").asText()).isEqualTo("failed");
            assertThat(gate.get("judgedCases").asInt()).isEqualTo(3);
            Files.delete(reports.resolve("tunegate/summary.json"));
        }
    }

    @Test
    void aGateDoesNotRunWhenNoTestOfItsSuiteIsSelected() {
        // 'gate' selects only the gate; 'critical & slow' matches the gate's union of tags but no case
        for (String expression : List.of("gate", "critical & slow")) {
            EngineExecutionResults results = run(Map.of(), List.of(TagFilter.includeTags(expression)), TAGGED);

            results.testEvents().assertStatistics(s -> s.started(0).failed(0));
            results.containerEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    container("tagged"),
                                    skippedWithReason(r -> r.startsWith("no test of suite 'tagged' is selected"))));
            assertThat(reports.resolve("tunegate/summary.json")).doesNotExist();
        }
    }

    @Test
    void aVariantFilterThatLeavesOutTheCandidateFailsTheGateInsteadOfSkippingIt() throws Exception {
        EngineExecutionResults results = run(Map.of("tunegate.variants", "base"), List.of(), TAGGED);

        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("tagged › gate [tuned]"),
                                finishedWithFailure(message(
                                        m -> m.contains("Judged a subset: 0 of 5 cases ran on" + " candidate 'tuned'")
                                                && m.contains("0 cases run")))));
        assertThat(summary().get("passed").asBoolean()).isFalse();
    }

    @Test
    void aVariantFilterThatLeavesOutTheBaselineFailsTheComparison() {
        // the candidate passes both critical cases; without the baseline there is nothing to compare with
        EngineExecutionResults results =
                run(Map.of("tunegate.variants", "tuned"), List.of(TagFilter.includeTags("critical")), TAGGED);

        assertGateFailed(
                results,
                m -> m.contains("baseline 'base' runs the judged cases")
                        && m.contains("it ran none of the 2 cases the candidate ran"));
    }

    @Test
    void aNameFilterThatMatchesNoCaseOfASuiteSkipsThatSuiteInsteadOfFailingItsGate() throws Exception {
        EngineExecutionResults results = run(Map.of("tunegate.filter.name", "^refund$"), List.of(), TAGGED, PROMOTION);

        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test(), displayName("tagged › gate [tuned]"), finishedSuccessfully()))
                .noneMatch(e -> e.getTestDescriptor().getDisplayName().startsWith("promotion › gate"));
        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1, event(container("promotion"), skippedWithReason(r -> r.contains("tunegate.filter.name"))));
        JsonNode summary = summary();
        assertThat(summary.get("suites"))
                .extracting(s -> s.get("name").asText())
                .containsExactly("tagged");
        assertThat(summary.get("passed").asBoolean()).isTrue();
        assertThat(summary.at("/suites/0/candidates/0/judgedCases").asInt()).isEqualTo(1);
    }

    @Test
    void selectingOneCaseSelectsItsSuitesGateWhichJudgesThatCase() {
        UniqueId quiet = UniqueId.forEngine("tunegate")
                .append("suite", "classpath:/" + TAGGED)
                .append("case", "quiet");
        EngineExecutionResults results = EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .configurationParameter("tunegate.reports.dir", reports.toString())
                .selectors(selectUniqueId(quiet))
                .execute();

        List<String> started = results.testEvents().started().stream()
                .map(e -> e.getTestDescriptor().getDisplayName())
                .toList();
        assertThat(started).containsExactly("tagged › quiet [base]", "tagged › quiet [tuned]", "tagged › gate [tuned]");
        assertGateFailed(results, m -> m.contains("Judged a subset: 1 of 5 cases") && m.contains("regressions: quiet"));
    }

    @Test
    void surefireGroupsAndExcludedGroupsNeverLeaveTheGateUnjudged() {
        // Surefire's JUnit Platform provider turns groups / excludedGroups into these post-discovery filters
        TestPlan plan = launcher().discover(request(TagFilter.includeTags("critical")));
        assertThat(plan.getRoots().stream()
                        .flatMap(root -> plan.getDescendants(root).stream())
                        .filter(TestIdentifier::isTest)
                        .map(TestIdentifier::getDisplayName))
                .contains("tagged › gate [tuned]");
        TestExecutionSummary groups = execute(TagFilter.includeTags("critical"));
        assertThat(groups.getTestsSucceededCount()).isEqualTo(5);
        assertThat(groups.getTotalFailureCount()).isZero();

        TestExecutionSummary excluded = execute(TagFilter.excludeTags("critical"));
        assertThat(excluded.getFailures()).singleElement().satisfies(f -> {
            assertThat(f.getTestIdentifier().getDisplayName()).isEqualTo("tagged");
            assertThat(f.getException()).hasMessageContaining("Judged a subset: 3 of 5 cases");
        });
    }

    private TestExecutionSummary execute(PostDiscoveryFilter filter) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher().execute(request(filter), listener);
        return listener.getSummary();
    }

    private LauncherDiscoveryRequest request(PostDiscoveryFilter filter) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathResource(TAGGED))
                .filters(filter)
                .configurationParameter("tunegate.reports.dir", reports.toString())
                .configurationParameter("tunegate.allure.enabled", "false")
                .build();
    }

    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .addTestEngines(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .build());
    }
}
