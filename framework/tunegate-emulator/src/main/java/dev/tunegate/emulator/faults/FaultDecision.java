package dev.tunegate.emulator.faults;

/**
 * What to do to one request: delay it, fail it with an HTTP error (0 = no error), and for streams cut
 * the connection after {@code cutAfterChunks} chunks (-1 = do not cut) or delay each chunk.
 */
public record FaultDecision(long delayMillis, int errorStatus, int retryAfterSeconds, int cutAfterChunks,
                            long chunkDelayMillis) {
    /** Nothing injected. */
    public static final FaultDecision NONE = new FaultDecision(0, 0, 0, -1, 0);

    /** Whether the request fails with an injected error. */
    public boolean fails() {
        return errorStatus != 0;
    }
}
