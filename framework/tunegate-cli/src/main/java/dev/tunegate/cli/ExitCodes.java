package dev.tunegate.cli;

/**
 * The documented exit codes of every {@code tunegate} command.
 *
 * <p>When a run has several kinds of problem, the most fundamental one wins: usage or discovery
 * errors ({@value #USAGE}) before infrastructure errors ({@value #INFRASTRUCTURE}) before failed
 * evaluations ({@value #FAILED}).
 */
public final class ExitCodes {
    /** Everything ran and passed (aborted tests that only count towards a gate do not fail). */
    public static final int OK = 0;
    /** A gate or an enforced case failed (an {@link AssertionError}). */
    public static final int FAILED = 1;
    /** Bad command line, unreadable input, discovery issues or a suite that could not be read. */
    public static final int USAGE = 2;
    /** The model endpoint failed: HTTP errors, I/O errors, timeouts. */
    public static final int INFRASTRUCTURE = 3;

    private ExitCodes() {}

    /** Combines two exit codes, keeping the one with the higher precedence. */
    static int worst(int a, int b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(int code) {
        return switch (code) {
            case OK -> 0;
            case FAILED -> 1;
            case INFRASTRUCTURE -> 2;
            default -> 3;
        };
    }
}
