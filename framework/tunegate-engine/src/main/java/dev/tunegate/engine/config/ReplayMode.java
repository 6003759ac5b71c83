package dev.tunegate.engine.config;

import java.util.Locale;
import org.apiguardian.api.API;

/** How model calls are made ({@code tunegate.mode}): live, or with recordings (record/replay). */
@API(status = API.Status.INTERNAL)
public enum ReplayMode {
    /** Every call goes to the endpoint; recordings are neither read nor written (default). */
    LIVE,
    /** Every call goes to the endpoint and is (re-)recorded. */
    RECORD,
    /** Every call is answered from its recording; a missing recording aborts the test. */
    REPLAY,
    /** Recorded calls are replayed, the others are made and recorded: an interrupted run resumes. */
    AUTO,
    /**
     * Every call goes to the endpoint through its batch API ({@code :batchGenerateContent}, a suite's calls
     * in few requests) and is recorded, so that the run can be replayed offline afterwards.
     */
    BATCH;

    /** Parses {@code live|record|replay|auto|batch}, ignoring case. */
    public static ReplayMode parse(String value) {
        try {
            return ReplayMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "tunegate.mode must be one of live, record, replay, auto, batch; was '" + value + "'");
        }
    }

    /** True when calls read recordings. */
    public boolean replays() {
        return this == REPLAY || this == AUTO;
    }

    /** True when calls write recordings. */
    public boolean records() {
        return this == RECORD || this == AUTO || this == BATCH;
    }
}
