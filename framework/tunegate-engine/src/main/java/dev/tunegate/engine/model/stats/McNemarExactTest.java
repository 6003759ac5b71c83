package dev.tunegate.engine.model.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

/**
 * Exact (conditional) McNemar test: a two-sided binomial test of the regressions among the
 * discordant pairs against p = 1/2, using Commons Statistics' {@link BinomialTest}.
 */
final class McNemarExactTest {

    private static final BinomialTest TWO_SIDED = BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED);

    private McNemarExactTest() {}

    /** Two-sided exact p-value; 1 when there are no discordant pairs. */
    public static double pValue(PairedTable table) {
        int discordant = table.discordant();
        if (discordant == 0) {
            return 1.0;
        }
        return Math.min(
                1.0, TWO_SIDED.test(discordant, table.regressions(), 0.5).getPValue());
    }
}
