package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.CheckpointSweep;
import dev.tunegate.engine.model.gate.GateVerdict;
import java.nio.file.Path;
import org.apiguardian.api.API;

/**
 * The block printed once at the end of a run (e.g. after {@code mvn test}): the gate result of every
 * suite, PROMOTE or REJECT candidate vs baseline with each rule's required and actual value, and
 * where the reports are.
 *
 * <pre>
 * TuneGate: 1 gate failed (2 gates)
 *   REJECT  triage-intents: candidate 'v2' vs baseline 'base'
 *     check        required  actual                           result
 *     minPassRate  &gt;= 0.900   0.714 (5/7, 95% CI 0.359-0.918)  FAILED
 *   PROMOTE general-knowledge: candidate 'v2' vs baseline 'base'
 *     ...
 *   CHECKPOINT support: recommend 'cand@2' (epoch 2, endpoint projects/p/locations/l/endpoints/902)
 *     cand@2 (epoch 2) is the earliest checkpoint that passes the gate against 'base' and is non-inferior to …
 * Reports:
 *   summary.md     /…/reports/tunegate/summary.md
 *   compare.html   /…/reports/tunegate/compare.html
 *   Allure report  /…/reports/allure-report/index.html (generated from /…/reports/allure-results, e.g. by mvn verify)
 * </pre>
 */
@API(status = API.Status.INTERNAL)
public final class VerdictBlock {

    private VerdictBlock() {}

    /**
     * The block for {@code run}. {@code tunegateReports} is where summary.md and compare.html were
     * written (null when reports are off); {@code allureResults} where the Allure results were
     * (null when Allure is off), with the HTML report expected in {@code allureReport}.
     */
    public static String render(RunResult run, Path tunegateReports, Path allureResults, Path allureReport) {
        GateCount count = GateCount.of(run);
        StringBuilder out = new StringBuilder("TuneGate: ").append(count.title());
        if (count.failed() > 0) {
            out.append(" (of ").append(count.total()).append(')');
        }
        out.append('\n');
        if (run.incomplete() != null) {
            out.append("  INCOMPLETE (never passed): ").append(run.incomplete()).append('\n');
        }
        for (SuiteResult suite : run.suites()) {
            for (GateVerdict v : suite.verdicts()) {
                out.append(v.passed() ? "  PROMOTE " : "  REJECT  ")
                        .append(suite.name())
                        .append(": candidate '")
                        .append(v.candidate())
                        .append('\'');
                if (v.baseline() != null) {
                    out.append(" vs baseline '").append(v.baseline()).append('\'');
                }
                out.append('\n');
                v.rules().lines().forEach(line -> out.append("  ").append(line).append('\n'));
            }
            for (CheckpointSweep sweep : suite.sweeps()) {
                sweep.recommended()
                        .ifPresentOrElse(
                                p -> out.append("  CHECKPOINT ")
                                        .append(suite.name())
                                        .append(": recommend '")
                                        .append(p.variant())
                                        .append("' (epoch ")
                                        .append(p.checkpoint().epoch())
                                        .append(", endpoint ")
                                        .append(p.checkpoint().endpoint())
                                        .append(")\n"),
                                () -> out.append("  CHECKPOINT ")
                                        .append(suite.name())
                                        .append(": no checkpoint of '")
                                        .append(sweep.variant())
                                        .append("' to recommend\n"));
                out.append("    ").append(sweep.reason()).append('\n');
            }
        }
        if (tunegateReports != null || allureResults != null) {
            out.append("Reports:\n");
        }
        if (tunegateReports != null) {
            path(out, "summary.md", tunegateReports.resolve("summary.md").toString());
            path(out, "compare.html", tunegateReports.resolve("compare.html").toString());
        }
        if (allureResults != null) {
            path(
                    out,
                    "Allure report",
                    allureReport.resolve("index.html") + " (generated from " + allureResults
                            + ", e.g. by mvn verify or allure generate)");
        }
        return out.toString().stripTrailing();
    }

    private static void path(StringBuilder out, String name, String where) {
        out.append("  ")
                .append(name)
                .append(" ".repeat(Math.max(1, 15 - name.length())))
                .append(where)
                .append('\n');
    }
}
