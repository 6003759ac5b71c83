package dev.tunegate.emulator.faults;

import org.apiguardian.api.API;

/**
 * Global fault-injection settings (builder or command-line flags). Rates are probabilities in [0, 1]
 * drawn per request from a generator seeded with {@code seed}, so a run with the same requests in the
 * same order injects the same faults.
 *
 * @param latencyMillis     fixed delay before every API answer
 * @param jitterMillis      extra uniform random delay in [0, jitterMillis]
 * @param rate429           share of requests answered 429 RESOURCE_EXHAUSTED (with Retry-After and RetryInfo)
 * @param rate500           share answered 500 INTERNAL
 * @param rate503           share answered 503 UNAVAILABLE
 * @param cutStreamRate     share of streams cut mid-way (connection closed after half of the chunks)
 * @param retryAfterSeconds the delay announced with 429 answers
 * @param seed              seed of the fault generator
 */
@API(status = API.Status.STABLE)
public record FaultPlan(
        long latencyMillis,
        long jitterMillis,
        double rate429,
        double rate500,
        double rate503,
        double cutStreamRate,
        int retryAfterSeconds,
        long seed) {
    /** No faults. */
    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, 0, 0, 1, 42);

    public FaultPlan {
        if (latencyMillis < 0 || jitterMillis < 0) {
            throw new IllegalArgumentException("latency and jitter must be >= 0");
        }
        checkRate("rate429", rate429);
        checkRate("rate500", rate500);
        checkRate("rate503", rate503);
        checkRate("cutStreamRate", cutStreamRate);
        if (rate429 + rate500 + rate503 > 1.0 + 1e-9) {
            throw new IllegalArgumentException("rate429 + rate500 + rate503 must be <= 1");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must be >= 0");
        }
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + rate);
        }
    }

    public FaultPlan withLatency(long millis, long jitter) {
        return new FaultPlan(millis, jitter, rate429, rate500, rate503, cutStreamRate, retryAfterSeconds, seed);
    }

    public FaultPlan withErrorRates(double r429, double r500, double r503) {
        return new FaultPlan(latencyMillis, jitterMillis, r429, r500, r503, cutStreamRate, retryAfterSeconds, seed);
    }

    public FaultPlan withCutStreamRate(double rate) {
        return new FaultPlan(latencyMillis, jitterMillis, rate429, rate500, rate503, rate, retryAfterSeconds, seed);
    }

    public FaultPlan withRetryAfterSeconds(int seconds) {
        return new FaultPlan(latencyMillis, jitterMillis, rate429, rate500, rate503, cutStreamRate, seconds, seed);
    }

    public FaultPlan withSeed(long newSeed) {
        return new FaultPlan(
                latencyMillis, jitterMillis, rate429, rate500, rate503, cutStreamRate, retryAfterSeconds, newSeed);
    }
}
