package dev.tunegate.engine.matchers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates matchers on a worker thread while the calling thread watches the time limit of each
 * {@link TimeLimitedMatcher}: the path for answers with a matcher that may block or ignore interrupts
 * (a user's matcher, a model-graded one, a JSON schema); built-in matchers that stop when interrupted
 * are checked on the caller's thread under the {@link Watchdog} instead (see {@link Expectations}). The matchers of one answer run one after the other in one task (one
 * hand-over per answer, not per matcher). When a matcher passes its limit, the caller records a
 * failure for it, interrupts the worker and goes on with the next matcher in a new task; the caller is
 * never blocked longer than the limit by one matcher, even by one that ignores the interrupt (its
 * thread is then left to finish on its own: the workers are daemon threads).
 */
final class LimitedEvaluation implements Runnable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "tunegate-matcher-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final List<? extends Matcher> matchers;
    private final ModelAnswer answer;
    private final MatcherOutcome[] outcomes;
    // guarded by this
    private int current;
    private long startedAt;
    private boolean abandoned;
    private boolean done;
    private Throwable error;

    private LimitedEvaluation(
            List<? extends Matcher> matchers, ModelAnswer answer, MatcherOutcome[] outcomes, int from) {
        this.matchers = matchers;
        this.answer = answer;
        this.outcomes = outcomes;
        this.current = from;
        this.startedAt = System.nanoTime();
    }

    static Verdict evaluate(List<? extends Matcher> matchers, ModelAnswer answer) {
        MatcherOutcome[] outcomes = new MatcherOutcome[matchers.size()];
        int next = 0;
        while (next < matchers.size()) {
            LimitedEvaluation task = new LimitedEvaluation(matchers, answer, outcomes, next);
            next = task.supervise(WORKERS.submit(task));
        }
        return new Verdict(new ArrayList<>(Arrays.asList(outcomes)));
    }

    @Override
    public void run() {
        for (int i = current; i < matchers.size(); i++) {
            synchronized (this) {
                if (abandoned) {
                    return;
                }
                current = i;
                startedAt = System.nanoTime();
            }
            Matcher matcher = matchers.get(i);
            Matcher target = matcher instanceof TimeLimitedMatcher limited ? limited.delegate() : matcher;
            MatcherOutcome outcome;
            try {
                outcome = Expectations.evaluateOne(target, answer);
            } catch (Throwable t) { // an Error: handed to the caller, which rethrows it
                synchronized (this) {
                    error = t;
                    done = true;
                    notifyAll();
                }
                return;
            }
            synchronized (this) {
                if (abandoned) {
                    return;
                }
                outcomes[i] = outcome;
            }
        }
        synchronized (this) {
            done = true;
            notifyAll();
        }
    }

    /** Waits for the task; returns the index of the first matcher not evaluated yet. */
    private synchronized int supervise(Future<?> future) {
        try {
            while (!done) {
                Matcher matcher = matchers.get(current);
                if (!(matcher instanceof TimeLimitedMatcher limited)) {
                    wait();
                    continue;
                }
                long left = startedAt + limited.limit().toNanos() - System.nanoTime();
                if (left <= 0) {
                    abandoned = true;
                    future.cancel(true);
                    outcomes[current] = new MatcherOutcome(matcher.description(), limited.timedOut());
                    return current + 1;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            abandoned = true;
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating the matchers", e);
        }
        if (error instanceof Error e) {
            throw e;
        }
        if (error != null) {
            throw new IllegalStateException(error);
        }
        return matchers.size();
    }
}
