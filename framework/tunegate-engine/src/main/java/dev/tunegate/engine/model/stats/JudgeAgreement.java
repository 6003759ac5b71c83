package dev.tunegate.engine.model.stats;

import java.util.List;
import org.apiguardian.api.API;

/**
 * How well a judge agrees with human labels (PASS = positive): the confusion counts, accuracy,
 * Cohen's κ with an asymptotic normal interval (standard error √(p₀(1−p₀) / (n(1−pₑ)²)), Cohen 1960;
 * the quantile from commons-statistics through {@link ZScores}), and the true-positive and true-negative
 * rates of the judge.
 *
 * @param bothPass      human PASS, judge PASS
 * @param humanPassOnly human PASS, judge FAIL
 * @param judgePassOnly human FAIL, judge PASS
 * @param bothFail      human FAIL, judge FAIL
 * @param confidence    confidence level of the κ interval
 */
@API(status = API.Status.INTERNAL)
public record JudgeAgreement(int bothPass, int humanPassOnly, int judgePassOnly, int bothFail, double confidence) {

    public JudgeAgreement {
        if (bothPass < 0 || humanPassOnly < 0 || judgePassOnly < 0 || bothFail < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** The agreement of {@code pairs} of {human, judge} labels, true meaning PASS. */
    public static JudgeAgreement of(List<boolean[]> pairs, double confidence) {
        int a = 0;
        int b = 0;
        int c = 0;
        int d = 0;
        for (boolean[] p : pairs) {
            if (p[0] && p[1]) {
                a++;
            } else if (p[0]) {
                b++;
            } else if (p[1]) {
                c++;
            } else {
                d++;
            }
        }
        return new JudgeAgreement(a, b, c, d, confidence);
    }

    /** Labelled examples. */
    public int n() {
        return bothPass + humanPassOnly + judgePassOnly + bothFail;
    }

    /** Share of examples where the judge and the human agree (p₀). */
    public double accuracy() {
        return n() == 0 ? Double.NaN : (double) (bothPass + bothFail) / n();
    }

    /** Agreement expected by chance from the two marginals (pₑ). */
    public double chanceAgreement() {
        double n = n();
        double humanPass = (bothPass + humanPassOnly) / n;
        double judgePass = (bothPass + judgePassOnly) / n;
        return humanPass * judgePass + (1 - humanPass) * (1 - judgePass);
    }

    /** Cohen's κ = (p₀ − pₑ) / (1 − pₑ); NaN when pₑ is 1 (one label only on both sides). */
    public double kappa() {
        double pe = chanceAgreement();
        return pe >= 1 ? Double.NaN : (accuracy() - pe) / (1 - pe);
    }

    /** The asymptotic standard error of κ. */
    public double kappaStandardError() {
        double po = accuracy();
        double pe = chanceAgreement();
        return Math.sqrt(po * (1 - po) / (n() * (1 - pe) * (1 - pe)));
    }

    /** κ ± z·SE, clipped to [−1, 1]. */
    public double[] kappaInterval() {
        double z = ZScores.twoSided(confidence);
        double k = kappa();
        double se = kappaStandardError();
        return new double[] {Math.max(-1, k - z * se), Math.min(1, k + z * se)};
    }

    /** Of the examples humans label PASS, the share the judge passes (sensitivity). */
    public double truePositiveRate() {
        int positives = bothPass + humanPassOnly;
        return positives == 0 ? Double.NaN : (double) bothPass / positives;
    }

    /** Of the examples humans label FAIL, the share the judge fails (specificity). */
    public double trueNegativeRate() {
        int negatives = judgePassOnly + bothFail;
        return negatives == 0 ? Double.NaN : (double) bothFail / negatives;
    }
}
