package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.CheckpointPoint;
import dev.tunegate.engine.model.gate.CheckpointSweep;
import dev.tunegate.engine.model.gate.GateCheck;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.gate.VariantOutcome;
import dev.tunegate.engine.model.stats.PairedComparisonFormat;
import dev.tunegate.engine.model.stats.PairedComparisonFormat.Output;
import dev.tunegate.engine.model.stats.RepeatStats;
import java.util.ArrayList;
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
                .append(failedGates == 0 && run.incomplete() == null ? "✅ " : "❌ ")
                .append(run.incomplete() == null ? "" : "incomplete run, not passed; ")
                .append(GateCount.of(run).title())
                .append("\n\n");
        if (run.incomplete() != null) {
            md.append("**Incomplete:** ").append(run.incomplete()).append("\n\n");
        }
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
            md.append("| variant | role | model | pass rate | 95% CI | passed | failed | errors | flaky |\n");
            md.append("|---|---|---|---:|---|---:|---:|---:|---:|\n");
            List<VariantStats> stats = VariantStats.of(suite);
            for (VariantStats s : stats) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | `%s` | %.1f%% | %.1f–%.1f%% | %d | %d | %d | %d |%n",
                        cell(s.variant().name()),
                        s.variant().role().yamlName(),
                        cell(s.variant().model()),
                        100 * s.passRate().rate(),
                        100 * s.passRate().interval().lower(),
                        100 * s.passRate().interval().upper(),
                        s.passed(),
                        s.failed(),
                        s.errors(),
                        s.flaky().size()));
            }
            frozen(md, suite);
            usage(md, suite);
            repeats(md, suite, stats);
            ModelGradedMarkdown.render(md, suite.modelGraded());
            for (GateVerdict v : suite.verdicts()) {
                verdict(md, v);
            }
            for (CheckpointSweep sweep : suite.sweeps()) {
                sweep(md, sweep);
            }
        }
        return md.toString();
    }

    /** The checkpoints of one tuning job in epoch order, and the recommendation or why there is none. */
    private static void sweep(StringBuilder md, CheckpointSweep sweep) {
        md.append("\n### Checkpoints of `")
                .append(cell(sweep.variant()))
                .append("` (tuning job `")
                .append(cell(sweep.tuningJob()))
                .append("`)\n\n");
        md.append("| checkpoint | epoch | step | pass rate | CI | gate | regressions | improvements | vs best `")
                .append(cell(sweep.best()))
                .append("` | failed rules |\n");
        md.append("|---|---:|---:|---:|---|---|---:|---:|---|---|\n");
        for (CheckpointPoint p : sweep.points()) {
            GateVerdict v = p.verdict();
            String vsBest = p.best()
                    ? "best"
                    : String.format(
                            Locale.ROOT,
                            "%+.1f pts (%.0f%% CI %+.1f to %+.1f), %s",
                            100 * p.vsBest().table().difference(),
                            100 * p.vsBest().difference().confidence(),
                            100 * p.vsBest().difference().lower(),
                            100 * p.vsBest().difference().upper(),
                            p.nonInferior() ? "non-inferior" : "inferior");
            md.append(String.format(
                    Locale.ROOT,
                    "| `%s`%s | %d | %d | %.1f%% | %.1f–%.1f%% | %s | %d | %d | %s | %s |%n",
                    cell(p.variant()),
                    p.checkpoint().isDefault() ? " (default)" : "",
                    p.checkpoint().epoch(),
                    p.checkpoint().step(),
                    100 * v.candidateRate().rate(),
                    100 * v.candidateRate().interval().lower(),
                    100 * v.candidateRate().interval().upper(),
                    v.passed() ? "✅ passed" : "❌ failed",
                    v.regressions().size(),
                    v.improvements().size(),
                    vsBest,
                    v.passed() ? "" : cell(String.join(" · ", v.reasons()))));
        }
        md.append('\n');
        sweep.recommended()
                .ifPresentOrElse(
                        p -> md.append("**Recommendation:** `")
                                .append(cell(p.variant()))
                                .append("` (checkpoint ")
                                .append(cell(p.checkpoint().checkpointId()))
                                .append(", epoch ")
                                .append(p.checkpoint().epoch())
                                .append(", endpoint `")
                                .append(cell(p.checkpoint().endpoint()))
                                .append("`): ")
                                .append(cell(sweep.reason()))
                                .append('\n'),
                        () -> md.append("**No recommendation:** ")
                                .append(cell(sweep.reason()))
                                .append('\n'));
    }

    /**
     * Tokens (prompt, output, thinking and judge apart; thinking and judge only when there are any) and estimated
     * cost per variant and of the suite, when the calls reported usage.
     */
    private static void usage(StringBuilder md, SuiteResult suite) {
        if (suite.usage().isEmpty()) {
            return;
        }
        md.append("\nTokens and estimated cost: ");
        List<String> parts = new java.util.ArrayList<>();
        for (VariantInfo v : suite.variants()) {
            VariantUsage u = suite.usage().get(v.name());
            if (u == null) {
                continue;
            }
            StringBuilder part = new StringBuilder(String.format(
                    Locale.ROOT,
                    "`%s` %,d prompt + %,d output",
                    cell(v.name()),
                    u.model().prompt(),
                    u.model().output()));
            if (u.model().thinking() > 0) {
                part.append(
                        String.format(Locale.ROOT, " + %,d thinking", u.model().thinking()));
            }
            part.append(" tokens");
            if (u.judge().total() > 0) {
                part.append(String.format(
                        Locale.ROOT, ", %,d judge tokens", u.judge().total()));
            }
            parts.add(part.append(" (").append(usd(u.costUsd())).append(')').toString());
        }
        Double total = VariantUsage.suiteCost(suite.usage().values());
        md.append(String.join(" · ", parts))
                .append(" · suite ")
                .append(total != null ? usd(total) : "cost unknown (no price for a model)")
                .append("\n");
    }

    /** Frozen variants: answered only from recordings, and when those were made. */
    private static void frozen(StringBuilder md, SuiteResult suite) {
        for (VariantInfo v : suite.variants()) {
            if (v.frozen()) {
                md.append("\nFrozen: `")
                        .append(cell(v.name()))
                        .append("` was answered only from recordings, not called")
                        .append(v.recorded() == null ? " (recording times unknown)" : " (" + recorded(v) + ")")
                        .append(".\n");
            }
        }
    }

    /** When a frozen variant's answers were recorded, e.g. {@code recorded 2026-01-01T00:00:00Z – 2026-01-02T…}. */
    static String recorded(VariantInfo v) {
        return v.recorded().earliest().equals(v.recorded().latest())
                ? "recorded " + v.recorded().earliest()
                : "recorded " + v.recorded().earliest() + " – " + v.recorded().latest();
    }

    private static String usd(Double cost) {
        return cost == null ? "no price" : String.format(Locale.ROOT, "$%.4f", cost);
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
        md.append("| rule | required | actual | result |\n");
        md.append("|---|---|---|---|\n");
        for (GateCheck c : v.checks()) {
            md.append("| ")
                    .append(cell(c.name()))
                    .append(" | ")
                    .append(cell(c.required()))
                    .append(" | ")
                    .append(cell(c.actual()))
                    .append(" | ")
                    .append(c.passed() ? "ok" : "**FAILED**")
                    .append(" |\n");
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

    /**
     * Flaky cases per variant, and pass@k and pass^k of every case run more than once (flaky ones
     * first, at most {@link #MAX_LISTED} rows; {@code summary.json} has them all).
     */
    private static void repeats(StringBuilder md, SuiteResult suite, List<VariantStats> stats) {
        for (VariantStats s : stats) {
            list(md, "Flaky cases on `" + cell(s.variant().name()) + "` (0 < passes < samples)", s.flaky());
        }
        List<String> flakyRows = new ArrayList<>();
        List<String> otherRows = new ArrayList<>();
        int total = 0;
        for (CaseResult c : suite.cases()) {
            for (VariantResult r : c.byVariant().values()) {
                VariantOutcome outcome = r.outcome();
                if (outcome == null || outcome.samples() < 2) {
                    continue;
                }
                total++;
                RepeatStats repeat = outcome.stats();
                List<String> target = repeat.flaky() ? flakyRows : otherRows;
                if (flakyRows.size() + otherRows.size() >= MAX_LISTED && !repeat.flaky()) {
                    continue;
                }
                StringBuilder at = new StringBuilder();
                StringBuilder hat = new StringBuilder();
                for (int k : SummaryJson.ks(repeat.samples())) {
                    String sep = at.length() == 0 ? "" : " · ";
                    at.append(sep).append(String.format(Locale.ROOT, "k=%d %.3f", k, repeat.passAtK(k)));
                    hat.append(sep).append(String.format(Locale.ROOT, "k=%d %.3f", k, repeat.passHatK(k)));
                }
                target.add("| `" + cell(c.id()) + "` | " + cell(r.variant()) + " | " + repeat.passes() + "/"
                        + repeat.samples() + " | " + at + " | " + hat + " | " + (repeat.flaky() ? "yes" : "") + " |\n");
            }
        }
        if (total == 0) {
            return;
        }
        List<String> rows = new ArrayList<>(flakyRows);
        rows.addAll(otherRows);
        md.append("\nRepeated cases (pass@k: at least one of k samples passes; pass^k: all k pass):\n\n");
        md.append("| case | variant | passes | pass@k | pass^k | flaky |\n");
        md.append("|---|---|---:|---|---|---|\n");
        rows.subList(0, Math.min(rows.size(), MAX_LISTED)).forEach(md::append);
        if (total > MAX_LISTED) {
            md.append("\n").append(total - MAX_LISTED).append(" more in `summary.json`.\n");
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
