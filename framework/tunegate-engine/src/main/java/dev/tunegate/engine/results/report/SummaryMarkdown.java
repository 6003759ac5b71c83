package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.stats.PairedComparisonFormat;
import dev.tunegate.engine.model.stats.PairedComparisonFormat.Output;
import java.util.List;
import java.util.Locale;

/** Builds {@code summary.md}: the short verdict for PR comments and CI step summaries. */
final class SummaryMarkdown {

    private static final int MAX_LISTED = 50;

    private SummaryMarkdown() {}

    static String render(RunResult run) {
        long failedGates = run.suites().stream()
                .flatMap(s -> s.verdicts().stream())
                .filter(v -> !v.passed())
                .count();
        StringBuilder md = new StringBuilder();
        md.append("# TuneGate: ")
                .append(
                        failedGates == 0
                                ? "✅ all gates passed"
                                : "❌ " + failedGates + (failedGates == 1 ? " gate" : " gates") + " failed")
                .append("\n\n");
        md.append("Run `").append(run.runId()).append("` at ").append(run.finishedAt());
        if (run.commit() != null) {
            md.append(" on commit `").append(run.commit()).append('`');
        }
        md.append(".\n");
        for (SuiteResult suite : run.suites()) {
            md.append("\n## ")
                    .append(cell(suite.name()))
                    .append(suite.gated() ? "" : " (strict mode)")
                    .append("\n\n");
            md.append("| variant | role | model | pass rate | 95% CI | passed | failed | errors |\n");
            md.append("|---|---|---|---:|---|---:|---:|---:|\n");
            for (VariantStats s : VariantStats.of(suite)) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | `%s` | %.1f%% | %.1f–%.1f%% | %d | %d | %d |%n",
                        cell(s.variant().name()),
                        s.variant().role().yamlName(),
                        cell(s.variant().model()),
                        100 * s.passRate().rate(),
                        100 * s.passRate().interval().lower(),
                        100 * s.passRate().interval().upper(),
                        s.passed(),
                        s.failed(),
                        s.errors()));
            }
            for (GateVerdict v : suite.verdicts()) {
                verdict(md, v);
            }
        }
        return md.toString();
    }

    private static void verdict(StringBuilder md, GateVerdict v) {
        md.append("\n### ")
                .append(v.passed() ? "✅" : "❌")
                .append(" Gate ")
                .append(v.passed() ? "passed" : "failed")
                .append(": `")
                .append(cell(v.candidate()))
                .append('`');
        if (v.baseline() != null) {
            md.append(" vs `").append(cell(v.baseline())).append('`');
        }
        md.append("\n\n");
        for (String reason : v.reasons()) {
            md.append("- ").append(reason).append('\n');
        }
        if (v.comparison() != null) {
            md.append("\nPaired: ")
                    .append(PairedComparisonFormat.sentence(v.comparison(), Output.MARKDOWN))
                    .append('\n');
            list(md, "Regressions (baseline passes, candidate fails)", v.regressions());
            list(md, "Improvements", v.improvements());
        } else {
            list(md, "Failed cases", v.candidateFailures());
        }
    }

    private static void list(StringBuilder md, String title, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        md.append('\n').append(title).append(" (").append(ids.size()).append("): ");
        List<String> shown = ids.subList(0, Math.min(ids.size(), MAX_LISTED));
        md.append(
                String.join(", ", shown.stream().map(id -> "`" + cell(id) + "`").toList()));
        if (ids.size() > shown.size()) {
            md.append(", …");
        }
        md.append('\n');
    }

    /** Keeps user text from breaking table cells or code spans. */
    private static String cell(String text) {
        return text.replace("|", "\\|").replace("`", "'").replace("\n", " ");
    }
}
