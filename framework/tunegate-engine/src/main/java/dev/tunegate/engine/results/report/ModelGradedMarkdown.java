package dev.tunegate.engine.results.report;

import dev.tunegate.engine.results.summary.SummaryDocument;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Model-graded checks" section of a suite in {@code summary.md}: per variant and check, the
 * samples per verdict (pass, fail, inconclusive, error; win, tie, loss), advisory notes, pairwise win
 * rates with their interval, the judge's token usage, and the first verdicts that did not pass with the
 * judge's reasoning.
 */
final class ModelGradedMarkdown {
    private static final int MAX_LISTED = 20;
    private static final List<String> STATUSES =
            List.of("PASS", "FAIL", "INCONCLUSIVE", "ERROR", "WIN", "TIE", "LOSS", "NOT_COMPARED");

    private ModelGradedMarkdown() {}

    static void render(StringBuilder md, SummaryDocument.ModelGraded graded) {
        if (graded == null) {
            return;
        }
        md.append("\n### Model-graded checks\n\n");
        md.append("| variant | check | pass | fail | inconclusive | error | win | tie | loss | judge tokens |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (SummaryDocument.GradedVariant v : graded.variants()) {
            boolean first = true;
            for (SummaryDocument.GradedCheck c : v.checks()) {
                Map<String, Integer> n = c.counts();
                md.append("| ")
                        .append(cell(v.variant()))
                        .append(" | ")
                        .append(cell(c.description()))
                        .append(c.advisory() == null ? "" : " (advisory: " + cell(c.advisory()) + ")");
                for (String s : STATUSES.subList(0, 7)) {
                    md.append(" | ").append(n.getOrDefault(s, 0));
                }
                md.append(" | ")
                        .append(first ? Long.toString(v.judgeTokens()) : "")
                        .append(" |\n");
                first = false;
            }
        }
        for (SummaryDocument.GradedVariant v : graded.variants()) {
            for (SummaryDocument.Pairwise p : v.pairwise()) {
                md.append(String.format(
                        Locale.ROOT,
                        "%nPairwise `%s` vs `%s`: win rate %.1f%% (95%% CI %.1f–%.1f%%), %d wins, %d ties, %d losses.%n",
                        cell(v.variant()),
                        cell(p.against()),
                        100 * p.winRate(),
                        100 * p.winRateInterval().lower(),
                        100 * p.winRateInterval().upper(),
                        p.wins(),
                        p.ties(),
                        p.losses()));
            }
        }
        List<SummaryDocument.GradedVerdict> notPassed = graded.verdicts().stream()
                .filter(v -> !v.status().equals("PASS") && !v.status().equals("WIN"))
                .limit(MAX_LISTED)
                .toList();
        if (!notPassed.isEmpty()) {
            md.append("\n| case | variant | check | verdict | reasoning |\n|---|---|---|---|---|\n");
            for (SummaryDocument.GradedVerdict v : notPassed) {
                md.append("| ")
                        .append(cell(v.caseId()))
                        .append(" | ")
                        .append(cell(v.variant()))
                        .append(" | ")
                        .append(v.matcher())
                        .append(" | ")
                        .append(v.status())
                        .append(" | ")
                        .append(cell(v.reasoning()))
                        .append(" |\n");
            }
        }
    }

    private static String cell(String text) {
        String flat = text == null ? "" : text.replace('\n', ' ').replace("|", "\\|");
        return flat.length() > 300 ? flat.substring(0, 297) + "..." : flat;
    }
}
