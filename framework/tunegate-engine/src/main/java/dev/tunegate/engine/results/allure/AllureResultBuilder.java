package dev.tunegate.engine.results.allure;

import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.results.report.MatcherResult;
import dev.tunegate.engine.results.report.SampleResult;
import dev.tunegate.engine.results.report.VariantResult;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Builds the Allure result of one case &times; variant from what TuneGate recorded: the true outcome,
 * stable ids, suite → case and variant/role labels, identity and descriptive parameters, steps for prompt rendering, each model
 * call and each matcher, and the redacted request/response attachments.
 */
final class AllureResultBuilder {

    /** The label naming the variant of a result (an Allure 3 environment per value). */
    static final String VARIANT_LABEL = "variant";

    /** The label naming the role of that variant: baseline, candidate or reference. */
    static final String ROLE_LABEL = "role";

    private static final Set<String> BLOCKING = Set.of("SAFETY", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII");

    /*
     * Allure's host and thread labels are the same for every result a thread builds, but computing the
     * thread label asks the runtime MXBean for the VM name (a host name lookup) every time; so each thread
     * computes them once.
     */
    private static final ThreadLocal<Label> HOST = ThreadLocal.withInitial(ResultsUtils::createHostLabel);
    private static final ThreadLocal<Label> THREAD = ThreadLocal.withInitial(ResultsUtils::createThreadLabel);

    private AllureResultBuilder() {}

    static TestResult build(
            AllureCase c, VariantResult result, FailureKind kind, long stopMillis, Attachments attachments) {
        String testCaseId = AllureIds.testCaseId(c.suite(), c.caseId());
        long duration =
                result.samples().stream().mapToLong(SampleResult::latencyMillis).sum();
        long start = stopMillis - duration;
        TestResult tr = new TestResult()
                .setUuid(UUID.randomUUID().toString())
                .setName(c.displayName())
                .setFullName(c.suitePath() + ":" + c.line())
                .setTestCaseId(testCaseId)
                .setTestCaseName(c.suite() + " › " + c.caseId())
                .setHistoryId(AllureIds.historyId(testCaseId, c.variant().name()))
                .setTitlePath(List.of(c.suite(), c.caseId()))
                .setDescription(c.prompt() == null ? null : "Prompt:\n\n" + c.prompt())
                .setStage(Stage.FINISHED)
                .setStart(start)
                .setStop(stopMillis);
        tr.setLabels(labels(c));
        tr.setParameters(parameters(c));
        tr.setLinks(List.of(new Link()
                .setName("suite file " + c.suitePath() + ":" + c.line())
                .setUrl(c.suitePath() + "#L" + c.line())
                .setType("custom")));
        tr.setStatus(status(result));
        tr.setStatusDetails(details(result, kind));
        tr.setSteps(steps(c, result, start, attachments));
        return tr;
    }

    static Status status(VariantResult result) {
        return switch (result.status()) {
            case PASSED -> Status.PASSED;
            case FAILED -> Status.FAILED;
            case ERROR -> Status.BROKEN;
            case SKIPPED -> Status.SKIPPED;
        };
    }

    static StatusDetails details(VariantResult result, FailureKind kind) {
        Outcome status = result.status();
        if (status == Outcome.PASSED) {
            return null;
        }
        if (status == Outcome.SKIPPED) {
            return new StatusDetails().setMessage(result.skipped());
        }
        if (status == Outcome.ERROR) {
            // Infrastructure errors keep their "HTTP <code> <STATUS>" message so categories match it.
            return new StatusDetails().setMessage(result.samples().get(0).error());
        }
        StringBuilder message = new StringBuilder(kind.marker());
        boolean blocked = result.samples().stream()
                .anyMatch(s -> s.finishReason() != null && BLOCKING.contains(s.finishReason()));
        if (blocked) {
            message.append(" [safety blocked]");
        }
        int n = result.samples().size();
        if (n > 1) {
            message.append(' ')
                    .append(result.passes())
                    .append(" of ")
                    .append(n)
                    .append(" samples passed (passThreshold ")
                    .append(result.passThreshold())
                    .append(");");
        }
        result.samples().stream().filter(s -> !s.passed()).findFirst().ifPresent(s -> {
            if (s.error() != null) {
                message.append(' ').append(s.error());
            }
            s.matchers().stream()
                    .filter(m -> !m.passed())
                    .forEach(m -> message.append('\n')
                            .append(m.description())
                            .append(": ")
                            .append(m.message()));
        });
        return new StatusDetails().setMessage(message.toString());
    }

    private static List<Label> labels(AllureCase c) {
        List<Label> labels = new ArrayList<>();
        // The tree is suite → case (not the folder of the suite file); the variant and its role are labels,
        // so that Allure 3 can make each variant an environment and Allure 2 can filter by them.
        labels.add(ResultsUtils.createSuiteLabel(c.suite()));
        labels.add(ResultsUtils.createSubSuiteLabel(c.caseId()));
        labels.add(ResultsUtils.createLabel(VARIANT_LABEL, c.variant().name()));
        labels.add(ResultsUtils.createLabel(ROLE_LABEL, c.variant().role().yamlName()));
        labels.add(ResultsUtils.createFeatureLabel(c.suite()));
        labels.add(ResultsUtils.createStoryLabel(c.caseId()));
        c.tags().forEach(t -> labels.add(ResultsUtils.createTagLabel(t)));
        labels.add(ResultsUtils.createTagLabel("variant-" + c.variant().name()));
        labels.add(ResultsUtils.createTagLabel(c.variant().role().yamlName()));
        labels.add(ResultsUtils.createSeverityLabel(c.enforced() ? "critical" : "normal"));
        labels.add(ResultsUtils.createFrameworkLabel("tunegate"));
        labels.add(ResultsUtils.createLanguageLabel("java"));
        labels.add(copy(HOST.get()));
        labels.add(copy(THREAD.get()));
        if (c.junitUniqueId() != null) {
            labels.add(ResultsUtils.createLabel("junit.platform.uniqueid", c.junitUniqueId()));
        }
        return labels;
    }

    private static Label copy(Label label) {
        return new Label().setName(label.getName()).setValue(label.getValue());
    }

    private static List<Parameter> parameters(AllureCase c) {
        List<Parameter> parameters = new ArrayList<>();
        // Only the variant identifies the result; the rest describe it (a new model keeps the history).
        parameters.add(
                new Parameter().setName("variant").setValue(c.variant().name()).setExcluded(false));
        parameters.add(
                new Parameter().setName("model").setValue(c.variant().model()).setExcluded(true));
        parameters.add(new Parameter()
                .setName("role")
                .setValue(c.variant().role().yamlName())
                .setExcluded(true));
        parameters.add(new Parameter()
                .setName("temperature")
                .setValue(
                        c.variant().temperature() == null
                                ? "default"
                                : String.valueOf(c.variant().temperature()))
                .setExcluded(true));
        parameters.add(new Parameter()
                .setName("repeat")
                .setValue(String.valueOf(c.repeat()))
                .setExcluded(true));
        return parameters;
    }

    private static List<StepResult> steps(AllureCase c, VariantResult result, long start, Attachments attachments) {
        List<StepResult> steps = new ArrayList<>();
        StepResult render = step("Render prompt", Status.PASSED, start, start);
        if (c.prompt() != null) {
            // The full prompt is the result's description; the step shows its start.
            String shown = c.prompt().length() <= 200 ? c.prompt() : c.prompt().substring(0, 200) + "…";
            render.setParameters(List.of(new Parameter().setName("prompt").setValue(shown)));
        }
        steps.add(render);
        long at = start;
        int index = 0;
        for (SampleResult s : result.samples()) {
            index++;
            String suffix = result.samples().size() > 1
                    ? " (sample " + index + " of " + result.samples().size() + ")"
                    : "";
            StepResult call = step(
                    "Call " + c.variant().model() + suffix,
                    s.error() == null ? Status.PASSED : Status.BROKEN,
                    at,
                    at + s.latencyMillis());
            at += s.latencyMillis();
            List<Parameter> metrics = new ArrayList<>();
            metrics.add(new Parameter().setName("latency ms").setValue(String.valueOf(s.latencyMillis())));
            if (s.promptTokens() != null) {
                metrics.add(new Parameter().setName("prompt tokens").setValue(String.valueOf(s.promptTokens())));
            }
            if (s.outputTokens() != null) {
                metrics.add(new Parameter().setName("output tokens").setValue(String.valueOf(s.outputTokens())));
            }
            if (s.totalTokens() != null) {
                metrics.add(new Parameter().setName("total tokens").setValue(String.valueOf(s.totalTokens())));
            }
            metrics.add(new Parameter().setName("retries").setValue(String.valueOf(s.retries())));
            if (s.finishReason() != null) {
                metrics.add(new Parameter().setName("finishReason").setValue(s.finishReason()));
            }
            call.setParameters(metrics);
            List<io.qameta.allure.model.Attachment> files = new ArrayList<>();
            if (s.requestJson() != null) {
                files.add(attachments.add("request.json", "application/json", "json", s.requestJson()));
            }
            if (s.responseJson() != null) {
                files.add(attachments.add("response.json", "application/json", "json", s.responseJson()));
            }
            call.setAttachments(files);
            if (s.error() != null) {
                call.setStatusDetails(new StatusDetails().setMessage(s.error()));
            }
            steps.add(call);
            for (MatcherResult m : s.matchers()) {
                StepResult check =
                        step("Check " + m.description() + suffix, m.passed() ? Status.PASSED : Status.FAILED, at, at);
                if (!m.passed()) {
                    check.setStatusDetails(new StatusDetails().setMessage(m.message()));
                }
                if (m.judgement() != null) {
                    check.setAttachments(List.of(attachments.add("judge verdict", "text/plain", "txt", m.judgement())));
                }
                steps.add(check);
            }
        }
        return steps;
    }

    private static StepResult step(String name, Status status, long start, long stop) {
        return new StepResult()
                .setName(name)
                .setStatus(status)
                .setStage(Stage.FINISHED)
                .setStart(start)
                .setStop(stop);
    }
}
