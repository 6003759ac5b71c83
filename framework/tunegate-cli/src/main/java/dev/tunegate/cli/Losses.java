package dev.tunegate.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats a loss with four significant digits, as the terminal shows it (never the 16 digits of a double). */
final class Losses {
    private static final int SIGNIFICANT = 4;

    private Losses() {}

    static String format(Double loss) {
        if (loss == null) {
            return "?";
        }
        double value = loss;
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        int integerDigits = (int) Math.floor(Math.log10(Math.abs(value))) + 1;
        int scale = Math.max(0, SIGNIFICANT - integerDigits);
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }
}
