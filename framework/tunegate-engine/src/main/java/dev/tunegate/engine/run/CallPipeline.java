package dev.tunegate.engine.run;

import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.config.JudgeSettings;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.model.suite.ModelVariant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issues model calls ahead of the tests that need them. A feeder thread walks the planned tests in
 * execution order and starts their calls, keeping at most {@code lookAhead} tests started but not yet
 * taken (so memory does not grow with suite size). How many calls are in flight at once and how fast
 * they start is the gateway's to bound: the client owns {@code tunegate.concurrency} and
 * {@code tunegate.rate-limit.rpm} (retries included) and queues calls beyond them in order. When the
 * matchers of the planned tests are known, a test's answers are judged as soon as its calls are done,
 * on a small pool of judging threads (one per core, at least two), so several tests are judged in parallel within the
 * look-ahead window. Tests {@link #take} their judged results on their own thread, in their own order.
 */
final class CallPipeline implements AutoCloseable {

    private final List<PlannedTest> plan;
    private final ModelGateway gateway;
    private final RequestFactory requests = new RequestFactory();
    private final GradingCalls grading;
    private final ComparedAnswers compared;
    private final Semaphore window;
    private final List<List<Matcher>> matchers;
    private final ExecutorService judging;
    private final Map<Integer, CompletableFuture<Judgement>> slots = new ConcurrentHashMap<>();
    private final BitSet issued = new BitSet();
    private final Object lock = new Object();
    private final Thread feeder;
    private int nextToTake;
    private volatile boolean closed;
    private volatile Throwable feederFailure;

    CallPipeline(List<PlannedTest> plan, ModelGateway gateway, int lookAhead) {
        this(plan, null, gateway, lookAhead, JudgeSettings.defaults());
    }

    /**
     * @param matchers per planned test (same index), its matchers; {@code null} to judge on the test
     *     thread instead
     * @param judges   the judge and embedding models of model-graded matchers
     */
    CallPipeline(
            List<PlannedTest> plan,
            List<List<Matcher>> matchers,
            ModelGateway gateway,
            int lookAhead,
            JudgeSettings judges) {
        this.plan = plan;
        this.matchers = matchers;
        this.judging = matchers == null ? null : judgingThreads();
        this.gateway = gateway;
        this.grading = new GradingCalls(gateway, judges);
        this.compared = new ComparedAnswers(plan);
        this.window = new Semaphore(lookAhead);
        this.feeder = new Thread(this::feed, "tunegate-call-feeder");
        this.feeder.setDaemon(true);
    }

    void start() {
        feeder.start();
    }

    private void feed() {
        try {
            for (int i = 0; i < plan.size() && !closed; i++) {
                window.acquire();
                synchronized (lock) {
                    if (i < nextToTake) {
                        window.release();
                        continue;
                    }
                    issued.set(i);
                }
                PlannedTest test = plan.get(i);
                List<CompletableFuture<Sample>> calls =
                        graded(test, compared.wanted(test) ? compared.issued(test, v -> answers(test)) : answers(test));
                CompletableFuture<Judgement> slot = slot(i);
                List<Matcher> testMatchers = matchers == null ? null : matchers.get(i);
                CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
                    if (error != null) {
                        slot.completeExceptionally(error);
                        return;
                    }
                    VariantRun run = new VariantRun(
                            test, calls.stream().map(CompletableFuture::join).toList());
                    if (testMatchers == null) {
                        slot.complete(Judgement.notYet(run));
                    } else {
                        judge(slot, run, testMatchers);
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            feederFailure = e;
            slots.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    /** Judges {@code run} on a judging thread (not on the thread that completed the calls: that may be the client's). */
    private void judge(CompletableFuture<Judgement> slot, VariantRun run, List<Matcher> testMatchers) {
        try {
            judging.execute(() -> {
                try {
                    slot.complete(Judgement.evaluate(run, testMatchers));
                } catch (Throwable t) { // an Error from a matcher: the test thread rethrows it
                    slot.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) { // closed meanwhile
            slot.cancel(false);
        }
    }

    private static ExecutorService judgingThreads() {
        AtomicInteger count = new AtomicInteger();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "tunegate-judge-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private CompletableFuture<Judgement> slot(int i) {
        return slots.computeIfAbsent(i, k -> new CompletableFuture<>());
    }

    /** The (not yet graded) sample calls of a test. */
    private List<CompletableFuture<Sample>> answers(PlannedTest test) {
        int samples = test.evalCase().repeat();
        List<CompletableFuture<Sample>> calls = new ArrayList<>(samples);
        CompletableFuture<String> model = gateway.ready(test.variant());
        for (int s = 0; s < samples && !closed; s++) {
            calls.add(call(test, s, model));
        }
        return calls;
    }

    /** The samples with their model-graded matchers graded (the samples themselves without such matchers). */
    private List<CompletableFuture<Sample>> graded(PlannedTest test, List<CompletableFuture<Sample>> answers) {
        if (!GradingCalls.needed(test.matchers())) {
            return answers;
        }
        return answers.stream()
                .map(f -> f.thenCompose(sample -> sample.answer().isEmpty()
                        ? CompletableFuture.completedFuture(sample)
                        : grading.grade(
                                        test,
                                        sample.index(),
                                        sample.request(),
                                        sample.answer().get(),
                                        variant -> compared.answer(
                                                test, variant, sample.index(), v -> answers(other(test, v))))
                                .thenApply(sample::withGraded)))
                .toList();
    }

    /** The same case on another variant of the suite. */
    private static PlannedTest other(PlannedTest test, String variant) {
        ModelVariant v = test.suite().variants().get(variant);
        if (v == null) {
            throw new IllegalArgumentException("pairwise: variant '" + variant + "' is not a variant of suite "
                    + test.suite().name());
        }
        return new PlannedTest(
                test.id().removeLastSegment().append("variant", variant), test.suite(), test.evalCase(), v);
    }

    private CompletableFuture<Sample> call(PlannedTest test, int sampleIndex, CompletableFuture<String> model) {
        GenerateContentRequest request;
        try {
            request = requests.build(test.suite(), test.evalCase(), test.variant());
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(
                    new Sample(sampleIndex, test.variant().model(), null, Optional.empty(), Optional.of(e)));
        }
        CompletableFuture<Sample> sample = model.thenCompose(name -> gateway.generate(test, sampleIndex, name, request)
                        .handle((answer, error) -> answer != null
                                ? new Sample(sampleIndex, name, request, Optional.of(answer), Optional.empty())
                                : new Sample(sampleIndex, name, request, Optional.empty(), Optional.of(unwrap(error)))))
                .exceptionally(error -> new Sample(
                        sampleIndex, test.variant().model(), request, Optional.empty(), Optional.of(unwrap(error))));
        return sample;
    }

    /**
     * The result of a planned test, waiting for it if needed. Tests that were planned before it but
     * never taken (skipped by JUnit) give up their place in the window, or are never issued.
     */
    VariantRun take(PlannedTest test) {
        return take(test, List.of()).run();
    }

    /**
     * The judged result of a planned test, waiting for it if needed; its answers are judged here with
     * {@code testMatchers} if the pipeline did not judge them already.
     */
    Judgement take(PlannedTest test, List<Matcher> testMatchers) {
        Judgement judgement = takeSlot(test);
        return judgement.judged() ? judgement : Judgement.evaluate(judgement.run(), testMatchers);
    }

    private Judgement takeSlot(PlannedTest test) {
        int i;
        CompletableFuture<Judgement> future;
        synchronized (lock) {
            i = closed ? -1 : indexOf(test);
            if (i < 0) {
                future = null;
            } else {
                for (int j = nextToTake; j < i; j++) {
                    if (issued.get(j)) {
                        CompletableFuture<Judgement> dropped = slots.remove(j);
                        if (dropped != null) {
                            dropped.cancel(false);
                        }
                        issued.clear(j);
                        window.release();
                    }
                }
                nextToTake = i;
                future = slot(i);
            }
        }
        if (future == null) {
            return direct(test);
        }
        if (feederFailure != null) {
            future.completeExceptionally(feederFailure);
        }
        try {
            return get(future);
        } finally {
            synchronized (lock) {
                nextToTake = i + 1;
                slots.remove(i);
                if (issued.get(i)) {
                    issued.clear(i);
                    window.release();
                }
            }
        }
    }

    /**
     * Where {@code test} is in the plan at or after {@link #nextToTake}, or -1. Tests are taken in plan
     * order, so it is almost always the next one; the tests a scan passes over were skipped, and are
     * never scanned again. (No index of the whole plan is kept: it would hold an entry per test.)
     */
    private int indexOf(PlannedTest test) {
        for (int j = nextToTake; j < plan.size(); j++) {
            if (plan.get(j).id().equals(test.id())) {
                return j;
            }
        }
        return -1;
    }

    /** Runs a test's calls on the spot (a test that was not planned). */
    private Judgement direct(PlannedTest test) {
        List<Sample> samples = new ArrayList<>();
        for (CompletableFuture<Sample> sample : graded(test, answers(test))) {
            samples.add(sample.join());
        }
        return Judgement.notYet(new VariantRun(test, samples));
    }

    private static Judgement get(CompletableFuture<Judgement> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the model");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void close() {
        closed = true;
        feeder.interrupt();
        slots.values().forEach(f -> f.cancel(false));
        if (judging != null) {
            judging.shutdownNow();
        }
    }
}
