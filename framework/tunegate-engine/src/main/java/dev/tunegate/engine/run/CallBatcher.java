package dev.tunegate.engine.run;

import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Gathers the calls of a batch mode by model: calls to one model wait until {@code linger} passes without a new one
 * (or {@code maxBatch} are waiting) and are then handed to the {@link Submitter} together, off the caller's thread.
 * A submitter that throws fails every call of its batch.
 */
final class CallBatcher implements AutoCloseable {

    /** Sends one batch; completes (or fails) every answer, in the order of the requests. */
    @FunctionalInterface
    interface Submitter {
        void submit(String model, List<GenerateContentRequest> requests, List<CompletableFuture<ModelAnswer>> answers);
    }

    private final Duration linger;
    private final int maxBatch;
    private final Submitter submitter;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tunegate-batch");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Pending> pending = new HashMap<>();

    CallBatcher(Duration linger, int maxBatch, Submitter submitter) {
        this.linger = linger;
        this.maxBatch = maxBatch;
        this.submitter = submitter;
    }

    /** Calls to one model waiting to be submitted. */
    private static final class Pending {
        final List<GenerateContentRequest> requests = new ArrayList<>();
        final List<CompletableFuture<ModelAnswer>> answers = new ArrayList<>();
        ScheduledFuture<?> flush;
    }

    /** Adds a call to {@code model}'s next batch. */
    synchronized CompletableFuture<ModelAnswer> add(String model, GenerateContentRequest request) {
        Pending p = pending.computeIfAbsent(model, m -> new Pending());
        CompletableFuture<ModelAnswer> answer = new CompletableFuture<>();
        p.requests.add(request);
        p.answers.add(answer);
        if (p.flush != null) {
            p.flush.cancel(false);
        }
        if (p.requests.size() >= maxBatch) {
            submit(model);
        } else {
            p.flush = scheduler.schedule(() -> submit(model), linger.toMillis(), TimeUnit.MILLISECONDS);
        }
        return answer;
    }

    private void submit(String model) {
        Pending p;
        synchronized (this) {
            p = pending.remove(model);
        }
        if (p == null || p.requests.isEmpty()) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                submitter.submit(model, p.requests, p.answers);
            } catch (RuntimeException e) {
                p.answers.forEach(a -> a.completeExceptionally(e));
            }
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
