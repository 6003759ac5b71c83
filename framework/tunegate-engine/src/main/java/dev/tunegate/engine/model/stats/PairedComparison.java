package dev.tunegate.engine.model.stats;

import org.apiguardian.api.API;

/**
 * A candidate compared with the baseline over the same cases: the paired table, the exact McNemar
 * p-value and the Newcombe interval for the pass-rate difference (candidate &minus; baseline).
 *
 * @param table      paired outcomes
 * @param pValue     two-sided exact McNemar p-value
 * @param difference confidence interval for candidate minus baseline pass rate
 */
@API(status = API.Status.INTERNAL)
public record PairedComparison(PairedTable table, double pValue, Interval difference) {

    /** Computes the comparison at the given confidence level. */
    public static PairedComparison of(PairedTable table, double confidence) {
        return new PairedComparison(
                table, McNemarExactTest.pValue(table), PairedDifferenceInterval.of(table, confidence));
    }
}
