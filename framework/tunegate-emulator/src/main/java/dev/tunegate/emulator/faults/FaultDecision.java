package dev.tunegate.emulator.faults;

import org.apiguardian.api.API;

/**
 * What to do to one request: delay it, fail it with an HTTP error (0 = no error), and for streams cut
 * the connection after {@code cutAfterChunks} chunks (-1 = do not cut, {@link #MIDWAY} = after half of
 * them) or delay each chunk. A cut stream never delivers its final chunk.
 */
@API(status = API.Status.INTERNAL)
public record FaultDecision(
        long delayMillis, int errorStatus, int retryAfterSeconds, int cutAfterChunks, long chunkDelayMillis) {
    /** Cut a stream after half of its chunks (after none when it has a single chunk). */
    public static final int MIDWAY = Integer.MAX_VALUE;

    /** Nothing injected. */
    public static final FaultDecision NONE = new FaultDecision(0, 0, 0, -1, 0);

    /** The number of chunks to send before cutting a stream of {@code total} chunks, or -1 for no cut. */
    public int cutPoint(int total) {
        if (cutAfterChunks < 0) {
            return -1;
        }
        int at = cutAfterChunks == MIDWAY ? total / 2 : cutAfterChunks;
        return Math.min(at, total - 1);
    }

    /** Whether the request fails with an injected error. */
    public boolean fails() {
        return errorStatus != 0;
    }
}
