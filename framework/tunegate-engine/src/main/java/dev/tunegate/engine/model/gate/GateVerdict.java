package dev.tunegate.engine.model.gate;

import dev.tunegate.engine.model.stats.PairedComparison;
import dev.tunegate.engine.model.stats.PassRate;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The gate's decision on one candidate of one suite, with the measurements behind it.
 *
 * @param suite          suite name
 * @param candidate      the candidate variant
 * @param baseline       the baseline variant, or null when the suite has none
 * @param passed         whether every check holds
 * @param checks         every rule checked, in policy order
 * @param candidateRate  candidate pass rate with its Wilson interval
 * @param baselineRate   baseline pass rate over the same cases, or null
 * @param comparison     paired table, McNemar p-value and difference interval, or null without baseline
 * @param regressions    ids of cases the baseline passes and the candidate fails
 * @param improvements   ids of cases the baseline fails and the candidate passes
 * @param candidateFailures ids of cases the candidate fails
 * @param judgedCases    cases the candidate ran, which the verdict judges
 * @param suiteCases     cases in the suite; more than {@code judgedCases} when filters or a selection
 *                       left cases out of the run
 */
@API(status = API.Status.INTERNAL)
public record GateVerdict(
        String suite,
        String candidate,
        String baseline,
        boolean passed,
        List<GateCheck> checks,
        PassRate candidateRate,
        PassRate baselineRate,
        PairedComparison comparison,
        List<String> regressions,
        List<String> improvements,
        List<String> candidateFailures,
        int judgedCases,
        int suiteCases) {

    public GateVerdict {
        checks = List.copyOf(checks);
        regressions = List.copyOf(regressions);
        improvements = List.copyOf(improvements);
        candidateFailures = List.copyOf(candidateFailures);
    }

    /** Whether the verdict judged only some of the suite's cases (the others did not run on the candidate). */
    public boolean subset() {
        return judgedCases < suiteCases;
    }

    /** One readable line per failed check; empty when the gate passed. */
    public List<String> reasons() {
        return checks.stream().filter(c -> !c.passed()).map(GateCheck::reason).toList();
    }

    /**
     * Every rule, passed or failed, as aligned plain-text rows (check, required, actual, result),
     * each line indented by two spaces: the table of {@link #table()} without its header and footer.
     */
    public String rules() {
        return VerdictTable.rules(this);
    }

    /** The verdict as a plain-text table, used as the gate test's failure message. */
    public String table() {
        return VerdictTable.render(this);
    }
}
