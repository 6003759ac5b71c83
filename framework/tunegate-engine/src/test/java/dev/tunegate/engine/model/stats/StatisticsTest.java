package dev.tunegate.engine.model.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatisticsTest {

    private static final double FOUR_DECIMALS = 0.00006;

    /**
     * Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
     * methods. Statistics in Medicine 1998;17:857-872, Table I, method 3 (score method without
     * continuity correction), 95% level.
     */
    @ParameterizedTest
    @CsvSource({
        "81, 263, 0.2553, 0.3662",
        "15, 148, 0.0624, 0.1605",
        "0,  20,  0.0000, 0.1611",
        "1,  29,  0.0061, 0.1718",
    })
    void wilsonIntervalMatchesNewcombe1998TableI(int successes, int n, double lower, double upper) {
        Interval interval = WilsonInterval.of(successes, n, 0.95);
        assertThat(interval.lower()).isCloseTo(lower, within(FOUR_DECIMALS));
        assertThat(interval.upper()).isCloseTo(upper, within(FOUR_DECIMALS));
        assertThat(interval.confidence()).isEqualTo(0.95);
    }

    @Test
    void wilsonIntervalIsWholeRangeWithoutData() {
        assertThat(WilsonInterval.of(0, 0, 0.95)).isEqualTo(new Interval(0, 1, 0.95));
        assertThat(WilsonInterval.of(20, 20, 0.95).upper()).isEqualTo(1.0);
    }

    @Test
    void wilsonIntervalWidensWithConfidence() {
        Interval i90 = WilsonInterval.of(15, 148, 0.90);
        Interval i99 = WilsonInterval.of(15, 148, 0.99);
        assertThat(i99.lower()).isLessThan(i90.lower());
        assertThat(i99.upper()).isGreaterThan(i90.upper());
    }

    @Test
    void passRateCarriesPointEstimateAndInterval() {
        PassRate rate = PassRate.of(81, 263, 0.95);
        assertThat(rate.rate()).isCloseTo(0.30798, within(0.00001));
        assertThat(rate.interval().contains(rate.rate())).isTrue();
        assertThatThrownBy(() -> PassRate.of(5, 4, 0.95)).hasMessageContaining("passes must be in [0, 4]");
    }

    /**
     * Complete response before and after consolidation therapy (Cavo et al. 2012), the worked
     * example of Fagerland MW, Lydersen S, Laake P. Statistical Analysis of Contingency Tables,
     * CRC 2017, chapter 8 ("The paired 2x2 table"): table [[59, 6], [16, 80]]; exact conditional
     * McNemar test P = 0.052479; Newcombe square-and-add interval for the difference of the
     * marginal proportions -0.0621 (95% CI -0.1186 to -0.0046).
     * Rows are the candidate (pass, fail), columns the baseline (pass, fail).
     */
    @Test
    void pairedStatisticsMatchCavoExampleOfFagerlandLydersenLaake() {
        PairedTable table = new PairedTable(59, 16, 6, 80);
        assertThat(table.total()).isEqualTo(161);
        assertThat(table.difference()).isCloseTo(-0.0621, within(FOUR_DECIMALS));

        assertThat(McNemarExactTest.pValue(table)).isCloseTo(0.052479, within(0.0000005));

        Interval interval = PairedDifferenceInterval.of(table, 0.95);
        assertThat(interval.lower()).isCloseTo(-0.1186, within(FOUR_DECIMALS));
        assertThat(interval.upper()).isCloseTo(-0.0046, within(FOUR_DECIMALS));
    }

    /**
     * Airway hyper-responsiveness before and after stem cell transplantation (Bentur et al. 2009),
     * Fagerland, Lydersen and Laake 2017, chapter 8: 1 and 7 discordant pairs. The exact conditional
     * p-value is 2 * P(X &le; 1 | X ~ Bin(8, 1/2)) = 2 * 9/256 = 0.0703125.
     */
    @Test
    void mcNemarExactMatchesBenturExample() {
        PairedTable table = new PairedTable(1, 1, 7, 12);
        assertThat(McNemarExactTest.pValue(table)).isCloseTo(18.0 / 256, within(1e-12));
        // Swapping candidate and baseline gives the same two-sided p-value.
        assertThat(McNemarExactTest.pValue(new PairedTable(1, 7, 1, 12))).isCloseTo(18.0 / 256, within(1e-12));
    }

    @Test
    void mcNemarIsOneWithoutDiscordantPairs() {
        assertThat(McNemarExactTest.pValue(new PairedTable(10, 0, 0, 3))).isEqualTo(1.0);
    }

    @Test
    void pairedTableTalliesOutcomes() {
        boolean[] candidate = {true, true, false, false, true};
        boolean[] baseline = {true, false, true, false, false};
        PairedTable table = PairedTable.of(candidate, baseline);
        assertThat(table).isEqualTo(new PairedTable(1, 1, 2, 1));
        assertThat(table.candidatePasses()).isEqualTo(3);
        assertThat(table.baselinePasses()).isEqualTo(2);
        assertThat(table.difference()).isEqualTo(0.2);
        assertThatThrownBy(() -> PairedTable.of(new boolean[2], new boolean[3]))
                .hasMessageContaining("differ in length");
    }

    @Test
    void pairedIntervalContainsEstimateAndStaysInRange() {
        for (PairedTable t : new PairedTable[] {
            new PairedTable(0, 0, 10, 0),
            new PairedTable(0, 10, 0, 0),
            new PairedTable(10, 0, 0, 0),
            new PairedTable(3, 2, 4, 1),
            new PairedTable(0, 0, 0, 0)
        }) {
            Interval interval = PairedDifferenceInterval.of(t, 0.95);
            assertThat(interval.lower()).isBetween(-1.0, 1.0);
            assertThat(interval.upper()).isBetween(-1.0, 1.0);
            assertThat(interval.contains(t.difference())).as(t.toString()).isTrue();
        }
        Interval identical = PairedDifferenceInterval.of(new PairedTable(40, 0, 0, 0), 0.95);
        assertThat(identical.lower()).isLessThan(0).isGreaterThan(-0.1);
    }

    @Test
    void comparisonBundlesTableTestAndInterval() {
        PairedComparison comparison = PairedComparison.of(new PairedTable(59, 16, 6, 80), 0.95);
        assertThat(comparison.pValue()).isCloseTo(0.052479, within(0.0000005));
        assertThat(comparison.difference().upper()).isCloseTo(-0.0046, within(FOUR_DECIMALS));
    }

    /** Chen et al. 2021 unbiased estimator, checked by hand with binomial coefficients. */
    @Test
    void passAtKAndPassHatK() {
        RepeatStats stats = new RepeatStats(3, 10);
        assertThat(stats.passAtK(1)).isCloseTo(0.3, within(1e-12));
        assertThat(stats.passAtK(2)).isCloseTo(1 - 21.0 / 45, within(1e-12)); // 1 - C(7,2)/C(10,2)
        assertThat(stats.passHatK(2)).isCloseTo(3.0 / 45, within(1e-12)); // C(3,2)/C(10,2)
        assertThat(stats.passAtK(8)).isEqualTo(1.0, within(1e-12)); // n - c < k
        assertThat(stats.passHatK(4)).isEqualTo(0.0, within(1e-12)); // c < k
        assertThat(stats.flaky()).isTrue();
        assertThat(stats.passes(0.3)).isTrue();
        assertThat(stats.passes(1.0)).isFalse();
        assertThat(new RepeatStats(5, 5).flaky()).isFalse();
        assertThat(new RepeatStats(5, 5).passHatK(5)).isEqualTo(1.0, within(1e-12));
        assertThat(new RepeatStats(0, 5).passAtK(5)).isEqualTo(0.0, within(1e-12));
        assertThatThrownBy(() -> stats.passAtK(11)).hasMessageContaining("k must be in [1, 10]");
    }
}
