package dev.tunegate.cli;

import java.util.Locale;
import org.jline.utils.WCWidth;

/**
 * One line of {@code tunegate run}'s progress, fitted to a width in terminal columns:
 * {@code  37% [███████░░░░░░░░░░░░] 15/40 · 3.2/s · greetings › hello [base]}. The bar keeps at least
 * {@value #MIN_BAR} cells; the test name gets what is left and is cut with "…" (dropped when almost
 * nothing is left); the rate is always separated from it.
 */
final class ProgressLine {
    /** Below this many columns a bar is not worth drawing: plain lines instead. */
    static final int MIN_WIDTH = 50;

    static final int MIN_BAR = 10;
    private static final int MAX_BAR = 30;
    private static final int MIN_NAME = 8;
    private static final String SEPARATOR = " · ";

    private ProgressLine() {}

    /**
     * The bar line for {@code done} of {@code total} tests at {@code perSecond}, naming {@code test},
     * in at most {@code width - 1} columns (the last column would make some terminals wrap).
     */
    static String bar(long done, long total, double perSecond, String test, int width) {
        int room = width - 1;
        int cells = Math.max(MIN_BAR, Math.min(MAX_BAR, room / 4));
        double fraction = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
        int full = (int) Math.floor(fraction * cells);
        String head = String.format(Locale.ROOT, "%3d%% [", (int) Math.floor(fraction * 100))
                + "█".repeat(full)
                + "░".repeat(cells - full)
                + "] " + done + "/" + total + SEPARATOR + rate(perSecond);
        int left = room - columns(head) - SEPARATOR.length();
        if (test == null || test.isBlank() || left < MIN_NAME) {
            return fit(head, room);
        }
        return head + SEPARATOR + fit(test.strip(), left);
    }

    /** The plain line printed instead of a bar (no terminal, or a narrow one), cut to {@code width - 1} columns. */
    static String plain(long done, long total, double perSecond, int width) {
        long percent = total <= 0 ? 0 : Math.min(100, done * 100 / total);
        return fit("tunegate: " + done + "/" + total + " tests (" + percent + "%), " + rate(perSecond), width - 1);
    }

    private static String rate(double perSecond) {
        return Double.isFinite(perSecond) && perSecond > 0
                ? String.format(Locale.ROOT, perSecond < 10 ? "%.1f/s" : "%.0f/s", perSecond)
                : "-/s";
    }

    /** {@code text} cut to at most {@code columns} terminal columns, ending in "…" when cut. */
    static String fit(String text, int columns) {
        if (columns <= 0) {
            return "";
        }
        if (columns(text) <= columns) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = Math.max(0, WCWidth.wcwidth(cp));
            if (used + w > columns - 1) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    /** Terminal columns {@code text} takes (wide characters count twice, control characters not at all). */
    static int columns(String text) {
        return text.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
    }
}
