package dev.tunegate.engine.model.stats;

import org.apiguardian.api.API;

/**
 * The paired 2&times;2 table of a candidate against the baseline over the same cases.
 *
 * <pre>
 *                    baseline pass   baseline fail
 *   candidate pass   bothPass        improvements
 *   candidate fail   regressions     bothFail
 * </pre>
 *
 * @param bothPass     cases both variants pass
 * @param regressions  cases the baseline passes and the candidate fails
 * @param improvements cases the baseline fails and the candidate passes
 * @param bothFail     cases both variants fail
 */
@API(status = API.Status.INTERNAL)
public record PairedTable(int bothPass, int regressions, int improvements, int bothFail) {

    public PairedTable {
        Counts.requireNonNegative(bothPass, "bothPass");
        Counts.requireNonNegative(regressions, "regressions");
        Counts.requireNonNegative(improvements, "improvements");
        Counts.requireNonNegative(bothFail, "bothFail");
    }

    /** Tallies paired outcomes; {@code candidate[i]} and {@code baseline[i]} belong to the same case. */
    public static PairedTable of(boolean[] candidate, boolean[] baseline) {
        if (candidate.length != baseline.length) {
            throw new IllegalArgumentException(
                    "paired outcomes differ in length: " + candidate.length + " vs " + baseline.length);
        }
        int a = 0;
        int b = 0;
        int c = 0;
        int d = 0;
        for (int i = 0; i < candidate.length; i++) {
            if (candidate[i] && baseline[i]) {
                a++;
            } else if (baseline[i]) {
                b++;
            } else if (candidate[i]) {
                c++;
            } else {
                d++;
            }
        }
        return new PairedTable(a, b, c, d);
    }

    /** Number of paired cases. */
    public int total() {
        return bothPass + regressions + improvements + bothFail;
    }

    /** Cases the candidate passes. */
    public int candidatePasses() {
        return bothPass + improvements;
    }

    /** Cases the baseline passes. */
    public int baselinePasses() {
        return bothPass + regressions;
    }

    /** Discordant pairs (regressions + improvements), the ones McNemar's test looks at. */
    public int discordant() {
        return regressions + improvements;
    }

    /** Point estimate of candidate pass rate minus baseline pass rate; 0 for an empty table. */
    public double difference() {
        return total() == 0 ? 0 : (double) (improvements - regressions) / total();
    }
}
