package dev.tunegate.engine.run.replay;

import java.time.Instant;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * When the answers of a frozen variant were recorded: the earliest and the latest {@code recordedAt} of the
 * recordings it was answered from.
 *
 * @param earliest the oldest recording's time
 * @param latest   the newest recording's time
 */
@API(status = API.Status.INTERNAL)
public record RecordedSpan(Instant earliest, Instant latest) {

    public RecordedSpan {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
    }

    /** A span of one recording. */
    public static RecordedSpan at(Instant instant) {
        return new RecordedSpan(instant, instant);
    }

    /** The span covering both. */
    public RecordedSpan plus(RecordedSpan other) {
        return new RecordedSpan(
                earliest.isBefore(other.earliest) ? earliest : other.earliest,
                latest.isAfter(other.latest) ? latest : other.latest);
    }
}
