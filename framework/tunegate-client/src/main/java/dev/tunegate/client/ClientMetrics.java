package dev.tunegate.client;

import org.apiguardian.api.API;

/**
 * Counters of one {@link GeminiClient} since it was built: HTTP attempts sent, retries scheduled, calls that
 * failed after all attempts, and calls currently waiting for or holding a concurrency permit.
 */
@API(status = API.Status.STABLE)
public record ClientMetrics(long attempts, long retries, long failedCalls, int inFlight) {}
