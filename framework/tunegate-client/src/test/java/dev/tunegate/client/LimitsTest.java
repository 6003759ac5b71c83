package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.client.model.GenerateContentRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** The concurrency cap, the requests-per-minute pacing and many requests in flight. */
class LimitsTest extends MockGemini {

    /** Answers every request after {@code delayMs}, recording arrival times and the peak concurrency. */
    private static final class SlowDispatcher extends Dispatcher {
        final AtomicInteger current = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final List<Long> arrivals = new CopyOnWriteArrayList<>();
        final List<Integer> dispatcherRunning = new CopyOnWriteArrayList<>();
        private final long delayMs;
        private final OkHttpClient observed;

        SlowDispatcher(long delayMs, OkHttpClient observed) {
            this.delayMs = delayMs;
            this.observed = observed;
        }

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            arrivals.add(System.nanoTime());
            int now = current.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            if (observed != null) {
                dispatcherRunning.add(observed.dispatcher().runningCallsCount());
            }
            Thread.sleep(delayMs);
            current.decrementAndGet();
            return ok(HELLO);
        }
    }

    private static List<GenerateContentResult> all(List<CompletableFuture<GenerateContentResult>> futures)
            throws Exception {
        List<GenerateContentResult> results = new ArrayList<>();
        for (CompletableFuture<GenerateContentResult> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void concurrencyCapIsObservedWithoutHoldingDispatcherThreads() throws Exception {
        OkHttpClient http = new OkHttpClient();
        SlowDispatcher slow = new SlowDispatcher(150, http);
        server.setDispatcher(slow);
        GeminiClient c =
                track(builder().okHttpClient(http).maxConcurrentRequests(3).build());
        List<CompletableFuture<GenerateContentResult>> futures = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            futures.add(c.generateContentAsync("gemini-2.0-flash", GenerateContentRequest.of("q" + i)));
        }
        assertThat(c.metrics().inFlight()).as("waiting calls are counted").isGreaterThan(3);
        assertThat(all(futures))
                .hasSize(12)
                .allSatisfy(r -> assertThat(r.text()).isEqualTo("Hello!"));
        assertThat(slow.peak.get()).isBetween(2, 3);
        // Waiting calls never reach OkHttp's dispatcher; a finishing call may still be counted there while the
        // next one starts, hence up to twice the cap, far below the 12 submitted.
        assertThat(slow.dispatcherRunning).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(6));
        assertThat(c.metrics().inFlight()).isZero();
    }

    @Test
    void queueingForAPermitCountsNeitherAsLatencyNorAsRetryTime() throws Exception {
        SlowDispatcher slow = new SlowDispatcher(300, null);
        server.setDispatcher(slow);
        GeminiClient c = track(builder()
                .maxConcurrentRequests(1)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(500)))
                .build());
        long start = System.nanoTime();
        List<GenerateContentResult> results = all(List.of(
                c.generateContentAsync("m", GenerateContentRequest.of("a")),
                c.generateContentAsync("m", GenerateContentRequest.of("b")),
                c.generateContentAsync("m", GenerateContentRequest.of("c"))));
        long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(wallMs).isGreaterThanOrEqualTo(900);
        assertThat(results).allSatisfy(r -> assertThat(r.latency()).isLessThan(Duration.ofMillis(wallMs - 250)));
    }

    @Test
    void requestsPerMinuteSpacesRequestStarts() throws Exception {
        SlowDispatcher slow = new SlowDispatcher(0, null);
        server.setDispatcher(slow);
        GeminiClient c = track(builder().requestsPerMinute(600).build());
        long submitStart = System.nanoTime();
        List<CompletableFuture<GenerateContentResult>> futures = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            futures.add(c.generateContentAsync("gemini-2.0-flash", GenerateContentRequest.of("q" + i)));
        }
        long submitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitStart);
        all(futures);
        List<Long> times = new ArrayList<>(slow.arrivals);
        times.sort(Long::compare);
        assertThat(times).hasSize(6);
        // 600 rpm = one start per 100 ms: the i-th request cannot reach the server before submission + i x 100 ms.
        for (int i = 1; i < times.size(); i++) {
            assertThat(TimeUnit.NANOSECONDS.toMillis(times.get(i) - submitStart))
                    .as("arrival of request %d after submission", i)
                    .isGreaterThanOrEqualTo(i * 100L - 2);
        }
        assertThat(submitMillis).as("submitting is non-blocking").isLessThan(400);
    }

    @Test
    void hundredsOfRequestsCanBeInFlight() throws Exception {
        // No sleep-based timing: every request is held at the server until 100 are in flight at once (or 30 s
        // pass), so the peak reaches 100 exactly when the client lets that many out, however loaded the machine.
        CountDownLatch hundredInFlight = new CountDownLatch(100);
        AtomicInteger current = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                peak.accumulateAndGet(current.incrementAndGet(), Math::max);
                hundredInFlight.countDown();
                hundredInFlight.await(30, TimeUnit.SECONDS);
                current.decrementAndGet();
                return ok(HELLO);
            }
        });
        GeminiClient c = client();
        List<CompletableFuture<GenerateContentResult>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            futures.add(c.generateContentAsync("gemini-2.0-flash", GenerateContentRequest.of("q" + i)));
        }
        assertThat(all(futures)).hasSize(200);
        assertThat(peak.get()).as("peak concurrent requests at the server").isGreaterThanOrEqualTo(100);
    }

    @Test
    void theClientAnswersWhatItsLimitsAre() {
        GeminiClient capped =
                track(builder().maxConcurrentRequests(7).requestsPerMinute(90).build());
        assertThat(capped.maxConcurrentRequests()).isEqualTo(7);
        assertThat(capped.requestsPerMinute()).isEqualTo(90.0);
        GeminiClient open = track(builder().build());
        assertThat(open.maxConcurrentRequests()).as("no cap").isZero();
        assertThat(open.requestsPerMinute()).as("no limit").isZero();
    }

    @Test
    void okHttpsDispatcherNeverLimitsBelowTheClientsCap() {
        okhttp3.Dispatcher small = new okhttp3.Dispatcher();
        small.setMaxRequests(2);
        small.setMaxRequestsPerHost(1);
        OkHttpWiring.raiseDispatcherLimits(small, 100);
        assertThat(small.getMaxRequests()).isGreaterThanOrEqualTo(200);
        assertThat(small.getMaxRequestsPerHost()).isGreaterThanOrEqualTo(200);
        okhttp3.Dispatcher uncapped = new okhttp3.Dispatcher();
        OkHttpWiring.raiseDispatcherLimits(uncapped, 0);
        assertThat(uncapped.getMaxRequestsPerHost()).isEqualTo(OkHttpWiring.UNCAPPED_DISPATCHER_LIMIT);
    }
}
