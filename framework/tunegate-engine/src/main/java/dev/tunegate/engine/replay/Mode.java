package dev.tunegate.engine.replay;

import java.util.Locale;

/** How model calls are made ({@code tunegate.mode}). */
public enum Mode {
    /** Every call goes to the endpoint; recordings are neither read nor written (default). */
    LIVE,
    /** Every call goes to the endpoint and is (re-)recorded. */
    RECORD,
    /** Every call is answered from its recording; a missing recording aborts the test. */
    REPLAY,
    /** Recorded calls are replayed, the others are made and recorded: an interrupted run resumes. */
    AUTO;

    /** Parses {@code live|record|replay|auto}, ignoring case. */
    public static Mode parse(String value) {
        try {
            return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tunegate.mode must be one of live, record, replay, auto; was '" + value + "'");
        }
    }

    /** True when calls read recordings. */
    boolean replays() {
        return this == REPLAY || this == AUTO;
    }

    /** True when calls write recordings. */
    boolean records() {
        return this == RECORD || this == AUTO;
    }
}
