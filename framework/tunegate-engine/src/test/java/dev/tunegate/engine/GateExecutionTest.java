package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tunegate.engine.results.allure.InMemoryResultsWriter;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/** Roles, JUnit statuses, gate tests, reports and Allure results of whole runs (issue 6). */
class GateExecutionTest {

    static final String PROMOTION = "dev/tunegate/engine/gates/promotion.eval.yaml";
    static final String STRICT = "dev/tunegate/engine/gates/strict.eval.yaml";
    static final String REPEATS = "dev/tunegate/engine/gates/repeats.eval.yaml";
    static final String THRESHOLD_ZERO = "dev/tunegate/engine/gates/threshold-zero.eval.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    private EngineExecutionResults run(Map<String, String> params, String... resources) {
        EngineTestKit.Builder kit = EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .configurationParameter("tunegate.reports.dir", reports.toString());
        params.forEach(kit::configurationParameter);
        for (String resource : resources) {
            kit.selectors(selectClasspathResource(resource));
        }
        return kit.execute();
    }

    private static Function<Event, String> name() {
        return e -> e.getTestDescriptor().getDisplayName();
    }

    @Test
    void mustPassRegressionFailsItsTestAndTheGateWhileOtherFailuresAreAbortedWithTheirReason() throws Exception {
        EngineExecutionResults results = run(Map.of(), PROMOTION);

        results.testEvents()
                .assertStatistics(s -> s.started(22).succeeded(11).failed(2).aborted(9));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("promotion › refund-request [tuned]"),
                                finishedWithFailure(
                                        instanceOf(AssertionFailedError.class), message(m -> m.contains("equals")))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("promotion › lower-only [tuned]"),
                                abortedWithReason(message(m -> m.startsWith("Candidate 'tuned' failed this case")
                                        && m.contains("counts towards the gate")))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("promotion › shout-1 [base]"),
                                abortedWithReason(message(m -> m.startsWith("Baseline 'base' failed this case")))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("promotion › shout-1 [other]"),
                                abortedWithReason(message(m -> m.startsWith("Reference 'other' failed this case")))))
                .haveExactly(1, event(test(), displayName("promotion › shout-1 [tuned]"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("promotion › gate [tuned]"),
                                finishedWithFailure(
                                        instanceOf(AssertionFailedError.class),
                                        message(m -> m.startsWith(
                                                        "Gate FAILED for suite 'promotion': candidate 'tuned' vs baseline 'base'")
                                                && m.contains("mustPass")
                                                && m.contains("regressions: refund-request, lower-only")
                                                && m.contains("maxRegressions[critical]")))));
        // The gate test is the suite's last test.
        List<String> order = results.testEvents().started().stream().map(name()).toList();
        assertThat(order.get(order.size() - 1)).isEqualTo("promotion › gate [tuned]");

        // summary.json: valid against the published schema and names the regression.
        JsonNode summary =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        try (InputStream schema = getClass().getResourceAsStream("/tunegate-summary.schema.json")) {
            assertThat(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                            .getSchema(JSON.readTree(schema))
                            .validate(summary))
                    .isEmpty();
        }
        JsonNode candidate = summary.at("/suites/0/candidates/0");
        assertThat(candidate.get("verdict").asText()).isEqualTo("failed");
        assertThat(candidate.get("regressions"))
                .extracting(JsonNode::asText)
                .containsExactly("refund-request", "lower-only");
        assertThat(candidate.get("improvements"))
                .extracting(JsonNode::asText)
                .containsExactly("shout-1", "shout-2", "shout-3", "shout-4");
        assertThat(summary.at("/suites/0/variants/1/role").asText()).isEqualTo("candidate");
        assertThat(summary.at("/suites/0/variants/2/role").asText()).isEqualTo("reference");
        assertThat(summary.at("/suites/0/contentHash").asText()).hasSize(64);

        // summary.md and compare.html name the regression.
        assertThat(Files.readString(reports.resolve("tunegate/summary.md")))
                .contains("❌ Gate failed: `tuned` vs `base`")
                .contains("`refund-request`");
        Document html = Jsoup.parse(reports.resolve("tunegate/compare.html").toFile());
        assertThat(html.select("tr.case"))
                .extracting(e -> e.attr("data-case"))
                .containsExactly("refund-request", "shout-1", "shout-2", "shout-3", "shout-4", "number", "lower-only");
        assertThat(html.select("tr.case[data-regression=true]"))
                .extracting(e -> e.attr("data-case"))
                .containsExactly("refund-request", "lower-only");
        assertThat(html.selectFirst("tr.case[data-case=refund-request] td[data-variant=tuned]")
                        .className())
                .isEqualTo("failed");
        assertThat(html.selectFirst("tr.case[data-case=refund-request] td[data-variant=tuned] pre.answer")
                        .text())
                .isEqualTo("REFUND");

        // Allure: the true outcome of every model on every case, written by the engine.
        Map<String, JsonNode> allure = allureResults(reports.resolve("allure-results"));
        assertThat(allure).hasSize(22);
        assertThat(allure.get("promotion › refund-request [tuned]")
                        .get("status")
                        .asText())
                .isEqualTo("failed");
        assertThat(allure.get("promotion › refund-request [tuned]")
                        .at("/statusDetails/message")
                        .asText())
                .startsWith("[regression]");
        assertThat(allure.get("promotion › lower-only [tuned]").get("status").asText())
                .as("aborted in JUnit, failed in Allure")
                .isEqualTo("failed");
        assertThat(allure.get("promotion › shout-1 [base]")
                        .at("/statusDetails/message")
                        .asText())
                .startsWith("[baseline failure]");
        assertThat(allure.get("promotion › gate [tuned]").get("status").asText())
                .isEqualTo("failed");
        assertThat(allure.get("promotion › gate [tuned]")
                        .at("/statusDetails/message")
                        .asText())
                .contains("refund-request");
        assertThat(reports.resolve("allure-results/environment.properties"))
                .content()
                .contains("model.promotion.tuned = models/upper");
        assertThat(reports.resolve("allure-results/categories.json")).exists();

        // Versions compared, not mixed: every result (gate included) names its variant and role, sits in
        // the suite → case tree, and is written finished; the gate's verdict is an HTML table.
        allure.forEach((name, result) -> {
            assertThat(result.get("stage").asText()).as(name).isEqualTo("finished");
            assertThat(labels(result, "parentSuite")).as(name).isEmpty();
            assertThat(labels(result, "suite")).as(name).containsExactly("promotion");
            assertThat(labels(result, "variant")).as(name).hasSize(1);
            assertThat(labels(result, "role")).as(name).hasSize(1);
        });
        JsonNode tunedCase = allure.get("promotion › refund-request [tuned]");
        assertThat(labels(tunedCase, "subSuite")).containsExactly("refund-request");
        assertThat(labels(tunedCase, "variant")).containsExactly("tuned");
        assertThat(labels(tunedCase, "role")).containsExactly("candidate");
        JsonNode gateResult = allure.get("promotion › gate [tuned]");
        assertThat(labels(gateResult, "subSuite")).containsExactly("gate");
        assertThat(labels(gateResult, "variant")).containsExactly("tuned");
        assertThat(gateResult.get("descriptionHtml").asText()).contains("<table", "<code>maxRegressions</code>");
        // ... and the run's Allure 3 configuration makes each variant an environment.
        assertThat(reports.resolve("allurerc.mjs"))
                .content()
                .contains("\"base\": { name: \"base · baseline\", matcher: variant(\"base\") }")
                .contains("\"tuned\": { name: \"tuned · candidate\", matcher: variant(\"tuned\") }");
    }

    private static List<String> labels(JsonNode result, String name) {
        List<String> values = new java.util.ArrayList<>();
        result.get("labels").forEach(l -> {
            if (name.equals(l.get("name").asText())) {
                values.add(l.get("value").asText());
            }
        });
        return values;
    }

    @Test
    void strictModeFailsEveryCandidateFailureAndHasAGate() {
        EngineExecutionResults results = run(Map.of(), STRICT);
        results.testEvents()
                .assertStatistics(s -> s.started(5).succeeded(2).failed(2).aborted(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("strict › quiet [tuned]"),
                                finishedWithFailure(instanceOf(AssertionFailedError.class))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("strict › loud [base]"),
                                abortedWithReason(message(m -> m.startsWith("Baseline 'base'")))))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("strict › gate [tuned]"),
                                finishedWithFailure(message(m -> m.contains("allPass") && m.contains("quiet")))));
    }

    @Test
    void launchesWritingToTheSameReportsDirectoryShareOneRun() throws Exception {
        // Surefire launches the engine once per @Suite class, in one JVM, into one reports directory.
        run(Map.of(), STRICT);
        run(Map.of(), REPEATS);
        JsonNode summary =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        assertThat(summary.get("suites"))
                .extracting(s -> s.get("name").asText())
                .containsExactly("strict", "repeats");
        assertThat(Files.readString(reports.resolve("tunegate/summary.md"))).contains("## strict", "## repeats");
        assertThat(allureResults(reports.resolve("allure-results")))
                .as("the first launch's results are kept")
                .containsKeys("strict › quiet [tuned]", "repeats › upper [tuned]")
                .hasSize(5 + 3);
    }

    @Test
    void repeatsAreSampledAndReported() throws Exception {
        EngineExecutionResults results = run(Map.of(), REPEATS);
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).aborted(1));
        JsonNode variants =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile()).at("/suites/0/cases/0/variants");
        assertThat(variants.at("/tuned/samples").asInt()).isEqualTo(3);
        assertThat(variants.at("/tuned/passes").asInt()).isEqualTo(3);
        assertThat(variants.at("/tuned/passAtK/3").asDouble()).isEqualTo(1.0);
        assertThat(variants.at("/base/passes").asInt()).isZero();
    }

    @Test
    void passThresholdZeroPassesOnAnAnswerButNeverWhenNoSampleAnswered() throws Exception {
        EngineExecutionResults results = run(Map.of(), THRESHOLD_ZERO);
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test(), displayName("threshold-zero › observed [base]"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("threshold-zero › observed [down]"),
                                finishedWithFailure(message(m -> m.startsWith("HTTP 503 UNAVAILABLE")))))
                .haveExactly(1, event(test(), displayName("threshold-zero › gate [down]"), finishedWithFailure()));
        // The reports agree with JUnit: an answer that failed its matchers still passes at threshold 0,
        // a variant without any answer is an error.
        JsonNode variants =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile()).at("/suites/0/cases/0/variants");
        assertThat(variants.at("/base/status").asText()).isEqualTo("passed");
        assertThat(variants.at("/base/passes").asInt()).isZero();
        assertThat(variants.at("/down/status").asText()).isEqualTo("error");
        Map<String, JsonNode> allure = allureResults(reports.resolve("allure-results"));
        assertThat(allure.get("threshold-zero › observed [base]").get("status").asText())
                .isEqualTo("passed");
        assertThat(allure.get("threshold-zero › observed [down]").get("status").asText())
                .isEqualTo("broken");
    }

    @Test
    void pipelineOverridesReplaceModelsAndTheGatesChoice() throws Exception {
        // The "fresh" tuned model now echoes like the baseline: no regressions, no improvements.
        EngineExecutionResults results = run(Map.of("tunegate.model.tuned", "models/echo"), PROMOTION);
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1, event(test(), displayName("promotion › refund-request [tuned]"), finishedSuccessfully()));
        JsonNode summary =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        assertThat(summary.at("/suites/0/variants/1/model").asText()).isEqualTo("models/echo");
        assertThat(summary.at("/suites/0/candidates/0/regressions")).isEmpty();

        // Swap the gate: 'other' is the candidate, 'tuned' the baseline, 'base' a reference.
        results = run(Map.of("tunegate.gate.candidate", "other", "tunegate.gate.baseline", "tuned"), PROMOTION);
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test(), displayName("promotion › gate [other]"), finishedWithFailure()))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("promotion › shout-1 [base]"),
                                abortedWithReason(message(m -> m.startsWith("Reference 'base'")))))
                .haveExactly(1, event(test(), displayName("promotion › shout-1 [tuned]"), finishedSuccessfully()));
    }

    @Test
    void aGatesUniqueIdRunsItWithItsSuitesCases() {
        // rerunning a gate (IDE, Surefire's rerunFailingTestsCount) must judge the cases again, not nothing
        UniqueId gate = UniqueId.forEngine("tunegate")
                .append("suite", "classpath:/" + PROMOTION)
                .append("gate", "tuned");
        EngineExecutionResults results = EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .configurationParameter("tunegate.reports.dir", reports.toString())
                .selectors(selectUniqueId(gate))
                .execute();
        results.testEvents().assertStatistics(s -> s.started(22));
        List<UniqueId> started = results.testEvents().started().stream()
                .map(e -> e.getTestDescriptor().getUniqueId())
                .toList();
        assertThat(started.get(started.size() - 1)).isEqualTo(gate);
    }

    @Test
    void withAllureJunitPlatformEveryTestHasExactlyOneResultWithTheTrueOutcomeAndTheSameIds() throws Exception {
        run(Map.of(), PROMOTION);
        Map<String, JsonNode> direct = allureResults(reports.resolve("allure-results"));

        Path second = reports.resolve("second");
        InMemoryResultsWriter writer = new InMemoryResultsWriter();
        AllureLifecycle lifecycle = new AllureLifecycle(writer);
        AllureLifecycle previous = Allure.getLifecycle();
        Allure.setLifecycle(lifecycle);
        try {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathResource(PROMOTION))
                    .configurationParameter("tunegate.reports.dir", second.toString())
                    .build();
            LauncherFactory.create(LauncherConfig.builder()
                            .enableTestEngineAutoRegistration(false)
                            .enableTestExecutionListenerAutoRegistration(false)
                            .addTestEngines(new TuneGateTestEngine(new FakeGateway(0).factory()))
                            .addTestExecutionListeners(new AllureJunitPlatform(lifecycle))
                            .build())
                    .execute(request);
        } finally {
            Allure.setLifecycle(previous);
        }
        assertThat(second.resolve("allure-results"))
                .as("no duplicate results from the engine")
                .isDirectoryNotContaining("glob:**-result.json");
        Map<String, TestResult> viaListener =
                writer.results.stream().collect(Collectors.toMap(TestResult::getName, r -> r));
        assertThat(viaListener).hasSize(22);
        assertThat(viaListener.get("promotion › lower-only [tuned]").getStatus())
                .isEqualTo(Status.FAILED);
        assertThat(viaListener.get("promotion › shout-1 [base]").getStatus()).isEqualTo(Status.FAILED);
        assertThat(viaListener.get("promotion › refund-request [tuned]").getLabels())
                .extracting(Label::getName)
                .contains("suite", "subSuite", "variant", "role", "severity", "junit.platform.uniqueid")
                .doesNotContain("parentSuite");
        viaListener.forEach((name, result) -> {
            assertThat(result.getHistoryId())
                    .as(name)
                    .isEqualTo(direct.get(name).get("historyId").asText());
            assertThat(result.getTestCaseId())
                    .as(name)
                    .isEqualTo(direct.get(name).get("testCaseId").asText());
        });
        assertThat(viaListener.values().stream().map(TestResult::getHistoryId).distinct())
                .hasSize(22);
    }

    @Test
    void beyondTheDetailedCasesReportsKeepOutcomesAndFailedMatchersAndFailureMessagesOnlyAsFarAsTheLimit()
            throws Exception {
        // tunegate.reports.detailed-cases=1: the first case keeps its answers; one failed result beyond
        // it keeps its failure message; the other results keep their outcome and failed matchers only.
        for (String run : List.of("all", "one")) {
            EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                    .configurationParameter(
                            "tunegate.reports.dir", reports.resolve(run).toString())
                    .configurationParameter("tunegate.allure.enabled", "false")
                    .configurationParameter("tunegate.reports.detailed-cases", run.equals("all") ? "100" : "1")
                    .selectors(selectClasspathResource(PROMOTION))
                    .execute();
        }
        JsonNode all =
                JSON.readTree(reports.resolve("all/tunegate/summary.json").toFile());
        JsonNode one =
                JSON.readTree(reports.resolve("one/tunegate/summary.json").toFile());
        for (JsonNode summary : List.of(all, one)) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) summary)
                    .remove(List.of("runId", "startedAt", "finishedAt"));
        }
        assertThat(one).as("every outcome and statistic is kept for every case").isEqualTo(all);

        Document html = Jsoup.parse(reports.resolve("one/tunegate/compare.html").toFile());
        assertThat(html.select("tr.case[data-case=refund-request] td[data-variant] pre.answer"))
                .hasSize(3);
        assertThat(html.select("tr.case:not([data-case=refund-request]) pre.answer"))
                .isEmpty();
        assertThat(html.select("tr.case[data-case=shout-1] td[data-variant=base] li.bad .msg")
                        .text())
                .as("the first failed result beyond the detailed case keeps its message")
                .contains("Expected the answer text to be: \"ABC\" but was: \"abc\"");
        for (String failed : List.of(
                "shout-1] td[data-variant=other]",
                "shout-4] td[data-variant=base]",
                "lower-only] td[data-variant=tuned]")) {
            Element cell = html.selectFirst("tr.case[data-case=" + failed);
            assertThat(cell.className()).as(failed).isEqualTo("failed");
            assertThat(cell.select("li.bad")).as(failed).hasSize(1);
            assertThat(cell.select("li.bad").text()).as(failed).startsWith("equals");
            assertThat(cell.select(".msg")).as(failed).isEmpty();
        }
    }

    private static Map<String, JsonNode> allureResults(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-result.json"))
                    .map(f -> {
                        try {
                            return JSON.readTree(f.toFile());
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.toMap(n -> n.get("name").asText(), n -> n));
        }
    }
}
