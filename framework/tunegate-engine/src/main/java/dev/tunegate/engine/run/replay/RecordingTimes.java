package dev.tunegate.engine.run.replay;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The recording times of the answers frozen variants were given in a run, per suite and variant: the record/replay
 * gateway notes them, the run recorder puts them in the reports. Thread-safe.
 */
@API(status = API.Status.INTERNAL)
public final class RecordingTimes {
    private final Map<String, RecordedSpan> spans = new ConcurrentHashMap<>();

    /** Notes that a variant of a suite was answered from a recording made at {@code at}. */
    public void note(String suite, String variant, Instant at) {
        spans.merge(key(suite, variant), RecordedSpan.at(at), RecordedSpan::plus);
    }

    /** When the variant's replayed answers were recorded; empty when none carried a time. */
    public Optional<RecordedSpan> of(String suite, String variant) {
        return Optional.ofNullable(spans.get(key(suite, variant)));
    }

    private static String key(String suite, String variant) {
        return suite + '\u0000' + variant;
    }
}
