package dev.tunegate.engine.results.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.results.report.MatcherResult;
import dev.tunegate.engine.results.report.SampleResult;
import dev.tunegate.engine.results.report.VariantInfo;
import dev.tunegate.engine.results.report.VariantResult;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureReporterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);
    private static final VariantInfo BASE = new VariantInfo("base", "models/gemini-1.5-flash-001", Role.BASELINE, 0.0);
    private static final VariantInfo TUNED = new VariantInfo("tuned", "tunedModels/t-v2", Role.CANDIDATE, 0.0);

    private static AllureCase info(String caseId, VariantInfo variant, boolean enforced) {
        return new AllureCase(
                "support",
                "suites/support.eval.yaml",
                caseId,
                7,
                List.of("critical"),
                enforced,
                variant,
                1,
                "Ticket: money back",
                "[engine:tunegate]/[suite:x]/[case:" + caseId + "]/[variant:" + variant.name() + "]",
                "support › " + caseId + " [" + variant.name() + "]");
    }

    private static VariantResult result(String variant, boolean passed, String answer) {
        MatcherResult m = new MatcherResult(
                "equals",
                "equals 'refund'",
                passed,
                passed ? null : "expected: \"refund\" but was: \"" + answer + "\"",
                9);
        return new VariantResult(
                variant,
                List.of(new SampleResult(
                        answer,
                        "STOP",
                        List.of(m),
                        40,
                        10,
                        3,
                        13,
                        0,
                        null,
                        "{\"contents\":[]}",
                        "{\"candidates\":[]}")),
                1.0,
                null);
    }

    private static String label(TestResult r, String name) {
        return r.getLabels().stream()
                .filter(l -> l.getName().equals(name))
                .map(Label::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("=", "&#61;");
    }

    @Test
    void writesTrueOutcomesWithStableDistinctIdsLabelsStepsAndAttachments() {
        InMemoryResultsWriter writer = new InMemoryResultsWriter();
        AllureLifecycle own = new AllureLifecycle(writer);
        AllureReporter reporter = new AllureReporter(own, () -> own, CLOCK);

        reporter.variantFinished(info("refund", BASE, true), result("base", true, "refund"), Optional.empty());
        reporter.variantFinished(info("refund", TUNED, true), result("tuned", false, "<b>sorry</b>"), Optional.empty());
        assertThat(writer.results).as("held until the case is complete").isEmpty();
        reporter.variantFinished(info("other", BASE, false), result("base", false, "x"), Optional.of("baseline"));
        assertThat(writer.results).hasSize(2);
        reporter.flush();
        assertThat(writer.results).hasSize(3);

        TestResult base = writer.results.get(0);
        TestResult tuned = writer.results.get(1);
        assertThat(base.getStatus()).isEqualTo(Status.PASSED);
        assertThat(tuned.getStatus()).isEqualTo(Status.FAILED);
        assertThat(tuned.getStatusDetails().getMessage())
                .startsWith("[regression]")
                .contains("expected: \"refund\"");
        assertThat(writer.results.get(2).getStatusDetails().getMessage()).startsWith("[baseline failure]");

        assertThat(tuned.getTestCaseId())
                .isEqualTo(base.getTestCaseId())
                .isEqualTo(AllureIds.testCaseId("support", "refund"));
        assertThat(tuned.getHistoryId()).isNotEqualTo(base.getHistoryId());
        assertThat(tuned.getFullName()).isEqualTo("suites/support.eval.yaml:7");
        assertThat(tuned.getName()).isEqualTo("support › refund [tuned]");
        // The tree is suite → case, not the folder of the suite file; variant and role are labels.
        assertThat(label(tuned, "parentSuite")).isNull();
        assertThat(label(tuned, "suite")).isEqualTo("support");
        assertThat(label(tuned, "subSuite")).isEqualTo("refund");
        assertThat(label(tuned, "variant")).isEqualTo("tuned");
        assertThat(label(tuned, "role")).isEqualTo("candidate");
        assertThat(label(base, "variant")).isEqualTo("base");
        assertThat(label(base, "role")).isEqualTo("baseline");
        assertThat(writer.results)
                .as("written complete, not scheduled")
                .extracting(TestResult::getStage)
                .containsOnly(Stage.FINISHED);
        assertThat(label(tuned, "feature")).isEqualTo("support");
        assertThat(label(tuned, "severity")).isEqualTo("critical");
        assertThat(tuned.getLabels())
                .filteredOn(l -> l.getName().equals("tag"))
                .extracting(Label::getValue)
                .contains("critical", "variant-tuned", "candidate");
        assertThat(tuned.getParameters())
                .extracting(Parameter::getName, Parameter::getValue, Parameter::getExcluded)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("variant", "tuned", false),
                        org.assertj.core.groups.Tuple.tuple("model", "tunedModels/t-v2", true),
                        org.assertj.core.groups.Tuple.tuple("role", "candidate", true),
                        org.assertj.core.groups.Tuple.tuple("temperature", "0.0", true),
                        org.assertj.core.groups.Tuple.tuple("repeat", "1", true));
        assertThat(tuned.getSteps())
                .extracting(StepResult::getName)
                .containsExactly("Render prompt", "Call tunedModels/t-v2", "Check equals 'refund'");
        assertThat(tuned.getSteps().get(2).getStatus()).isEqualTo(Status.FAILED);
        assertThat(tuned.getSteps().get(1).getAttachments())
                .extracting(a -> a.getName())
                .containsExactly("request.json", "response.json");
        assertThat(tuned.getSteps().get(1).getParameters())
                .extracting(Parameter::getName)
                .contains("latency ms", "total tokens", "retries");
        // Both variants of the case carry the complete side-by-side page, with answers escaped.
        String sideBySide = writer.attachments.get(base.getAttachments().get(0).getSource());
        assertThat(sideBySide)
                .contains("data-variant=\"base\"", "data-variant=\"tuned\"", "&lt;b&gt;sorry&lt;/b&gt;")
                .doesNotContain("<b>sorry</b>");
        assertThat(writer.attachments.get(tuned.getAttachments().get(0).getSource()))
                .isEqualTo(sideBySide);
        tuned.getSteps().stream()
                .flatMap(s -> s.getAttachments().stream())
                .forEach(a -> assertThat(writer.attachments).containsKey(a.getSource()));
    }

    @Test
    void variantsThatSentTheSameRequestShareOneAttachmentFile() {
        InMemoryResultsWriter writer = new InMemoryResultsWriter();
        AllureLifecycle own = new AllureLifecycle(writer);
        AllureReporter reporter = new AllureReporter(own, () -> own, CLOCK);
        VariantResult base = result("base", true, "refund");
        SampleResult other = base.samples().get(0);
        VariantResult tuned = new VariantResult(
                "tuned",
                List.of(new SampleResult(
                        "refund!",
                        "STOP",
                        other.matchers(),
                        40,
                        10,
                        3,
                        13,
                        0,
                        null,
                        other.requestJson(),
                        "{\"candidates\":[{\"text\":\"refund!\"}]}")),
                1.0,
                null);
        reporter.variantFinished(info("refund", BASE, true), base, Optional.empty());
        reporter.variantFinished(info("refund", TUNED, true), tuned, Optional.empty());
        reporter.flush();

        List<Map<String, String>> calls = writer.results.stream()
                .map(r -> r.getSteps().get(1).getAttachments().stream()
                        .collect(java.util.stream.Collectors.toMap(a -> a.getName(), a -> a.getSource())))
                .toList();
        assertThat(calls.get(1).get("request.json")).isEqualTo(calls.get(0).get("request.json"));
        assertThat(calls.get(1).get("response.json")).isNotEqualTo(calls.get(0).get("response.json"));
        assertThat(writer.attachments)
                .as("side by side, one request, two responses")
                .hasSize(4)
                .containsEntry(calls.get(1).get("response.json"), "{\"candidates\":[{\"text\":\"refund!\"}]}");
    }

    @Test
    void toleratedCandidateFailureWithoutBaselinePassIsItsOwnCategory() {
        InMemoryResultsWriter writer = new InMemoryResultsWriter();
        AllureLifecycle own = new AllureLifecycle(writer);
        AllureReporter reporter = new AllureReporter(own, () -> own, CLOCK);
        reporter.variantFinished(info("c", BASE, false), result("base", false, "a"), Optional.of("baseline"));
        reporter.variantFinished(
                info("c", TUNED, false), result("tuned", false, "b"), Optional.of("counts towards gate"));
        reporter.flush();
        assertThat(writer.results.get(1).getStatusDetails().getMessage()).startsWith("[tolerated candidate failure]");
    }

    @Test
    void fillsInTheAllureListenersResultInsteadOfWritingASecondOne() {
        InMemoryResultsWriter ownWriter = new InMemoryResultsWriter();
        InMemoryResultsWriter listenerWriter = new InMemoryResultsWriter();
        AllureLifecycle own = new AllureLifecycle(ownWriter);
        AllureLifecycle listener = new AllureLifecycle(listenerWriter);
        AllureReporter reporter = new AllureReporter(own, () -> listener, CLOCK);

        // What allure-junit-platform does at executionStarted: a result labelled with the JUnit unique id.
        AllureCase tuned = info("refund", TUNED, false);
        TestResult started = new TestResult()
                .setUuid("listener-uuid")
                .setName("refund [tuned]")
                .setHistoryId("md5-of-unique-id")
                .setTestCaseId(tuned.junitUniqueId())
                .setLabels(new java.util.ArrayList<>(List.of(
                        new Label().setName("junit.platform.uniqueid").setValue(tuned.junitUniqueId()),
                        new Label().setName("parentSuite").setValue("dev.acme.EvalSuite"),
                        new Label().setName("AS_ID").setValue("h"))));
        listener.scheduleTestCase(started);
        listener.startTestCase("listener-uuid");

        reporter.variantFinished(tuned, result("tuned", false, "sorry"), Optional.of("counts towards the gate"));

        // ... and at executionFinished for a JUnit-aborted test: status skipped, then written.
        listener.updateTestCase("listener-uuid", tr -> tr.setStatus(Status.SKIPPED));
        listener.stopTestCase("listener-uuid");
        listener.writeTestCase("listener-uuid");
        reporter.flush();

        assertThat(ownWriter.results).isEmpty();
        assertThat(listenerWriter.results).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).as("true outcome restored").isEqualTo(Status.FAILED);
            assertThat(r.getTestCaseId()).isEqualTo(AllureIds.testCaseId("support", "refund"));
            assertThat(r.getHistoryId()).isEqualTo(AllureIds.historyId(r.getTestCaseId(), "tuned"));
            assertThat(label(r, "AS_ID")).as("listener labels kept").isEqualTo("h");
            assertThat(label(r, "suite")).isEqualTo("support");
            assertThat(label(r, "parentSuite"))
                    .as("the listener's tree replaced")
                    .isNull();
            assertThat(label(r, "variant")).isEqualTo("tuned");
        });
    }

    @Test
    void ignoresAListenerTestThatIsNotThisOne() {
        InMemoryResultsWriter ownWriter = new InMemoryResultsWriter();
        AllureLifecycle own = new AllureLifecycle(ownWriter);
        AllureLifecycle listener = new AllureLifecycle(new InMemoryResultsWriter());
        listener.scheduleTestCase(new TestResult()
                .setUuid("jupiter-test")
                .setLabels(new java.util.ArrayList<>(List.of(
                        new Label().setName("junit.platform.uniqueid").setValue("[engine:junit-jupiter]/[class:X]")))));
        listener.startTestCase("jupiter-test");
        AllureReporter reporter = new AllureReporter(own, () -> listener, CLOCK);
        reporter.variantFinished(info("c", BASE, false), result("base", true, "ok"), Optional.empty());
        reporter.flush();
        assertThat(ownWriter.results).hasSize(1);
    }

    @Test
    void writesGateResultAndRunArtifacts(@TempDir Path dir) throws Exception {
        InMemoryResultsWriter writer = new InMemoryResultsWriter();
        AllureLifecycle own = new AllureLifecycle(writer);
        AllureReporter reporter = new AllureReporter(own, () -> own, CLOCK);
        GateVerdict verdict = dev.tunegate.engine.results.report.ReportFixtures.improvesMostButRegressesCritical()
                .suites()
                .get(0)
                .verdicts()
                .get(0);
        reporter.gateFinished("support", "suites/support.eval.yaml", verdict, null, "support › gate [tuned]");
        assertThat(writer.results).singleElement().satisfies(r -> {
            assertThat(r.getStatus()).isEqualTo(Status.FAILED);
            assertThat(r.getStage()).isEqualTo(Stage.FINISHED);
            assertThat(r.getStatusDetails().getMessage())
                    .startsWith("Gate FAILED")
                    .contains("refund-request");
            assertThat(label(r, "parentSuite")).isNull();
            assertThat(label(r, "suite")).isEqualTo("support");
            assertThat(label(r, "subSuite")).isEqualTo("gate");
            assertThat(label(r, "variant")).isEqualTo(verdict.candidate());
            assertThat(label(r, "role")).isEqualTo("candidate");
            // The verdict is an HTML table: one row per rule with its required and actual value.
            assertThat(r.getDescription()).isNull();
            assertThat(r.getDescriptionHtml()).contains("<table", "<th").doesNotContain("<pre");
            for (var check : verdict.checks()) {
                assertThat(r.getDescriptionHtml())
                        .contains("<code>" + check.name() + "</code>")
                        .contains(html(check.required()))
                        .contains(html(check.actual()));
            }
            assertThat(r.getDescriptionHtml()).contains("FAILED").contains("refund-request");
        });

        RunArtifacts.write(
                dir,
                Map.of("model.support.tuned", "tunedModels/t-v2", "endpoint", "127.0.0.1:4000"),
                Map.of(
                        "GITHUB_RUN_ID",
                        "42",
                        "GITHUB_RUN_NUMBER",
                        "7",
                        "GITHUB_REPOSITORY",
                        "acme/evals",
                        "GITHUB_SERVER_URL",
                        "https://github.com",
                        "GITHUB_WORKFLOW",
                        "ci"));
        java.util.Properties env = new java.util.Properties();
        try (var in = Files.newInputStream(dir.resolve("environment.properties"))) {
            env.load(in);
        }
        assertThat(env)
                .containsEntry("model.support.tuned", "tunedModels/t-v2")
                .containsEntry("endpoint", "127.0.0.1:4000");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(dir.resolve("executor.json").toFile())
                        .get("buildUrl")
                        .asText())
                .isEqualTo("https://github.com/acme/evals/actions/runs/42");
        var categories = json.readTree(dir.resolve("categories.json").toFile());
        assertThat(categories)
                .extracting(c -> c.get("name").asText())
                .contains(
                        "Regression",
                        "Baseline failure",
                        "Tolerated candidate failure",
                        "Gate failed",
                        "Rate limited",
                        "API unavailable",
                        "Timeout",
                        "Safety blocked");
        // Category regexes match the messages TuneGate writes (Allure matches the whole message, DOTALL).
        var regression = java.util.regex.Pattern.compile(
                categories.get(5).get("messageRegex").asText(), java.util.regex.Pattern.DOTALL);
        assertThat(regression.matcher("[regression] equals 'x': expected\nmore").matches())
                .isTrue();
        assertThat(java.util.regex.Pattern.compile(
                                categories.get(0).get("messageRegex").asText(), java.util.regex.Pattern.DOTALL)
                        .matcher(verdict.table())
                        .matches())
                .isTrue();
        assertThat(java.util.regex.Pattern.compile(
                                categories.get(1).get("messageRegex").asText(), java.util.regex.Pattern.DOTALL)
                        .matcher("HTTP 429 RESOURCE_EXHAUSTED: quota")
                        .matches())
                .isTrue();
        RunArtifacts.write(dir.resolve("local"), Map.of(), Map.of());
        assertThat(dir.resolve("local/executor.json")).doesNotExist();

        // History carries forward from the previous report; cleaning keeps it.
        Files.createDirectories(dir.resolve("allure-report/history"));
        Files.writeString(dir.resolve("allure-report/history/history-trend.json"), "[{\"buildOrder\":1}]");
        RunArtifacts.carryHistory(dir.resolve("allure-report"), dir.resolve("results"));
        Files.writeString(dir.resolve("results/old-result.json"), "{}");
        RunArtifacts.clean(dir.resolve("results"));
        assertThat(dir.resolve("results/old-result.json")).doesNotExist();
        assertThat(dir.resolve("results/history/history-trend.json")).hasContent("[{\"buildOrder\":1}]");
        RunArtifacts.carryHistory(dir.resolve("no-report"), dir.resolve("results"));
    }
}
