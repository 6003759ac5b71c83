package dev.tunegate.emulator.stats;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apiguardian.api.API;

/**
 * Counters behind {@code GET /emulator/stats}: requests by endpoint and HTTP status, requests in flight
 * now and at peak, and injected faults by kind. Thread-safe; {@link #reset()} zeroes everything.
 */
@API(status = API.Status.INTERNAL)
public final class EmulatorStats {
    private final Map<String, Map<Integer, LongAdder>> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private volatile Instant since = Instant.now();

    /** Marks a request as started. */
    public void started() {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    /** Marks a request as finished with {@code status} on {@code endpoint} (e.g. models.generateContent). */
    public void finished(String endpoint, int status) {
        inFlight.decrementAndGet();
        requests.computeIfAbsent(endpoint, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(status, k -> new LongAdder())
                .increment();
    }

    /** Counts one injected fault of {@code kind} (429, 500, 503, cut, latency). */
    public void fault(String kind) {
        faults.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Requests in flight now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Zeroes the counters (the in-flight gauge keeps counting requests still running). */
    public void reset() {
        requests.clear();
        faults.clear();
        peak.set(inFlight.get());
        since = Instant.now();
    }

    /** A JSON-ready snapshot. */
    public Map<String, Object> snapshot() {
        Map<String, Object> byEndpoint = new TreeMap<>();
        long total = 0;
        for (var e : requests.entrySet()) {
            Map<String, Long> byStatus = new TreeMap<>();
            for (var s : e.getValue().entrySet()) {
                long n = s.getValue().sum();
                byStatus.put(Integer.toString(s.getKey()), n);
                total += n;
            }
            byEndpoint.put(e.getKey(), byStatus);
        }
        Map<String, Long> faultCounts = new TreeMap<>();
        faults.forEach((k, v) -> faultCounts.put(k, v.sum()));
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("since", since.toString());
        out.put("totalRequests", total);
        out.put("requests", byEndpoint);
        out.put("inFlight", inFlight.get());
        out.put("peakInFlight", peak.get());
        out.put("faultsInjected", faultCounts);
        return out;
    }
}
