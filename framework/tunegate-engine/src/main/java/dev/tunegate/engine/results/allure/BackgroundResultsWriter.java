package dev.tunegate.engine.results.allure;

import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Writes Allure results, containers and attachments on one background thread, so that serialising
 * and creating thousands of small files does not hold up the test thread; as an {@link Executor} it
 * also runs other work there in the same order (building the results of a case). The queue is
 * bounded (a writer that falls behind makes the test thread wait instead of holding every result in
 * memory) and drained in batches; {@link #awaitWritten()} returns once everything handed over so far is done, and rethrows
 * the first failure. Callers must not change a result after handing it over.
 */
@API(status = API.Status.INTERNAL)
public final class BackgroundResultsWriter implements AllureResultsWriter, Executor {

    /** At most this many queued writes are taken at once. */
    private static final int BATCH = 256;

    private final AllureResultsWriter delegate;
    private final BlockingQueue<Runnable> queue;
    private final Object lock = new Object();
    private int pending;
    private Thread thread;
    private Throwable failure;

    /** Writes into {@code directory} (results as Allure writes them) on a background thread, with at most {@code capacity} waiting. */
    public static BackgroundResultsWriter into(Path directory, int capacity) {
        return new BackgroundResultsWriter(new ResultsDirectoryWriter(directory), capacity);
    }

    /** Hands every write to {@code delegate} on a background thread, with at most {@code capacity} waiting. */
    public BackgroundResultsWriter(AllureResultsWriter delegate, int capacity) {
        this.delegate = delegate;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public void write(TestResult testResult) {
        submit(() -> delegate.write(testResult));
    }

    @Override
    public void write(TestResultContainer testResultContainer) {
        submit(() -> delegate.write(testResultContainer));
    }

    @Override
    public void write(String source, InputStream attachment) {
        submit(() -> delegate.write(source, attachment));
    }

    /** Runs {@code task} on the writer's thread, after everything handed over before it. */
    @Override
    public void execute(Runnable task) {
        submit(task);
    }

    /** Waits until every write handed over so far is done; throws the first failure among them. */
    public void awaitWritten() {
        Throwable failed;
        synchronized (lock) {
            boolean interrupted = false;
            while (pending > 0) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            failed = failure;
            failure = null;
        }
        if (failed instanceof Error error) {
            throw error;
        }
        if (failed != null) {
            throw (RuntimeException) failed;
        }
    }

    private void submit(Runnable task) {
        boolean onWriterThread;
        synchronized (lock) {
            pending++;
            onWriterThread = Thread.currentThread() == thread;
            if (thread == null) {
                thread = new Thread(this::drain, "tunegate-allure-writer");
                thread.setDaemon(true);
                thread.start();
            }
        }
        if (onWriterThread) {
            // a queued task writing its own files: write them now (waiting for room in our own queue would never end)
            run(task);
            return;
        }
        try {
            queue.put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run(task);
        }
    }

    /**
     * The writer thread: takes every write queued so far at once (one wake-up and one update of the count
     * of pending writes per batch, not per file) and runs them in order; ends after a second with nothing
     * to do.
     */
    private void drain() {
        List<Runnable> batch = new ArrayList<>(BATCH);
        while (true) {
            Runnable first;
            try {
                first = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                batch.forEach(this::runOnly);
                done(batch.size());
                batch.clear();
                continue;
            }
            synchronized (lock) {
                if (pending == 0) {
                    thread = null;
                    return;
                }
            }
        }
    }

    private void run(Runnable task) {
        runOnly(task);
        done(1);
    }

    /** Runs a task, keeping its failure (an Error too: it would end the writer's thread and leave everything queued after it unwritten). */
    private void runOnly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
    }

    private void done(int tasks) {
        synchronized (lock) {
            pending -= tasks;
            if (pending == 0) {
                lock.notifyAll();
            }
        }
    }
}
