package dev.tunegate.engine.model.gate;

import dev.tunegate.engine.model.stats.PairedComparisonFormat;
import dev.tunegate.engine.model.stats.PairedComparisonFormat.Output;
import java.util.ArrayList;
import java.util.List;

/** Renders a {@link GateVerdict} as an aligned plain-text table for test failure messages and logs. */
final class VerdictTable {

    private VerdictTable() {}

    static String render(GateVerdict v) {
        StringBuilder out = new StringBuilder();
        out.append("Gate ")
                .append(v.passed() ? "PASSED" : "FAILED")
                .append(" for suite '")
                .append(v.suite())
                .append("': candidate '")
                .append(v.candidate())
                .append('\'');
        if (v.baseline() != null) {
            out.append(" vs baseline '").append(v.baseline()).append('\'');
        }
        out.append('\n');
        if (v.subset()) {
            out.append(subsetNote(v)).append('\n');
        }
        out.append(rules(v));
        out.append("candidate pass rate: ")
                .append(GateEvaluator.rate(v.candidateRate()))
                .append('\n');
        if (v.comparison() != null) {
            out.append("baseline pass rate:  ")
                    .append(GateEvaluator.rate(v.baselineRate()))
                    .append('\n');
            out.append("paired: ")
                    .append(PairedComparisonFormat.sentence(v.comparison(), Output.TEXT))
                    .append('\n');
            if (!v.regressions().isEmpty()) {
                out.append("regressions: ")
                        .append(String.join(", ", v.regressions()))
                        .append('\n');
            }
            if (!v.improvements().isEmpty()) {
                out.append("improvements: ")
                        .append(String.join(", ", v.improvements()))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** Says that the verdict holds for the cases that ran only, and how many of the suite's those are. */
    static String subsetNote(GateVerdict v) {
        return "Judged a subset: " + v.judgedCases() + " of " + v.suiteCases() + " cases ran on candidate '"
                + v.candidate() + "' (tag filters, tunegate.variants, tunegate.filter.name or a selection of cases"
                + " left the others out); this verdict holds for those cases only.";
    }

    /** Every rule of the verdict as aligned rows (a header, then one row per rule), each indented by two spaces. */
    static String rules(GateVerdict v) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"check", "required", "actual", "result"});
        for (GateCheck c : v.checks()) {
            rows.add(new String[] {c.name(), c.required(), c.actual(), c.passed() ? "ok" : "FAILED"});
        }
        StringBuilder out = new StringBuilder();
        appendAligned(out, rows);
        return out.toString();
    }

    private static void appendAligned(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }
}
