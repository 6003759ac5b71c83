package dev.tunegate.engine.model.stats;

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The one place that words a {@link PairedComparison}: "both pass 7 · regressions 0 · improvements 4
 * · both fail 0 · McNemar exact p = 0.1250 · difference …". Each output (the gate's text table,
 * {@code summary.md}, {@code compare.html}) asks for its form; callers add their own label
 * ("paired:", "Paired:") and line breaks, and HTML escaping is left to the page template.
 */
@API(status = API.Status.INTERNAL)
public final class PairedComparisonFormat {

    /** Where the sentence is shown. */
    public enum Output {
        /** Plain text (test failure messages, logs): rates as fractions with three decimals. */
        TEXT,
        /** {@code summary.md}: the difference in percentage points. */
        MARKDOWN,
        /** {@code compare.html}: as Markdown; the template escapes it. */
        HTML
    }

    private PairedComparisonFormat() {}

    /** The sentence for {@code output}, without a label or line break. */
    public static String sentence(PairedComparison comparison, Output output) {
        PairedTable t = comparison.table();
        Interval d = comparison.difference();
        return switch (output) {
            case TEXT ->
                String.format(
                        Locale.ROOT,
                        "both pass %d, regressions %d, improvements %d, both fail %d; "
                                + "McNemar exact p = %.4f; difference %+.3f (%.0f%% CI %+.3f to %+.3f)",
                        t.bothPass(),
                        t.regressions(),
                        t.improvements(),
                        t.bothFail(),
                        comparison.pValue(),
                        t.difference(),
                        100 * d.confidence(),
                        d.lower(),
                        d.upper());
            case MARKDOWN, HTML ->
                String.format(
                        Locale.ROOT,
                        "both pass %d · regressions %d · improvements %d · both fail %d · "
                                + "McNemar exact p = %.4f · difference %+.1f pts (%.0f%% CI %+.1f to %+.1f)",
                        t.bothPass(),
                        t.regressions(),
                        t.improvements(),
                        t.bothFail(),
                        comparison.pValue(),
                        100 * t.difference(),
                        100 * d.confidence(),
                        100 * d.lower(),
                        100 * d.upper());
        };
    }
}
