package dev.tunegate.emulator;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP server's executor. The JDK server reads a request's line and headers on the executor's
 * thread, so every exchange runs on a connection thread (at most {@code maxConnections}), apart from
 * the bounded handler permits of {@link ApiHandler}: a client that stops sending holds a connection
 * thread, never a handler. An exchange whose request does not arrive in full with no pause longer than
 * the idle timeout (the line and headers within one idle timeout, then the body with no read waiting
 * longer) is closed: its thread is interrupted, which closes the connection's channel.
 */
final class ConnectionGuard implements Executor {
    private static final ThreadLocal<Watch> CURRENT = new ThreadLocal<>();

    private final long idleNanos;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();

    ConnectionGuard(int maxConnections, Duration idleTimeout) {
        this.idleNanos = idleTimeout.toNanos();
        AtomicInteger threadNo = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                maxConnections, maxConnections, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "tunegate-emulator-" + threadNo.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tunegate-emulator-idle-watchdog");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(10, Math.min(1000, idleTimeout.toMillis() / 4));
        watchdog.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void execute(Runnable exchange) {
        pool.execute(() -> run(exchange));
    }

    private void run(Runnable exchange) {
        Watch watch = new Watch(Thread.currentThread(), idleNanos);
        watch.waitForClient();
        watches.add(watch);
        CURRENT.set(watch);
        try {
            exchange.run();
        } finally {
            watch.stop();
            watches.remove(watch);
            CURRENT.remove();
            Thread.interrupted(); // a late interrupt must not reach the next exchange
        }
    }

    private void closeIdle() {
        long now = System.nanoTime();
        for (Watch watch : watches) {
            watch.interruptIfIdle(now);
        }
    }

    /** The request of the current exchange has arrived: from here on it is not an idle connection. */
    static void requestRead() {
        Watch watch = CURRENT.get();
        if (watch != null) {
            watch.stop();
        }
    }

    /** {@code body}, each read of which may wait at most the idle timeout for data. */
    static InputStream watched(InputStream body) {
        Watch watch = CURRENT.get();
        if (watch == null) {
            return body;
        }
        return new FilterInputStream(body) {
            @Override
            public int read() throws IOException {
                watch.waitForClient();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                watch.waitForClient();
                return super.read(b, off, len);
            }
        };
    }

    /** Stops the connection threads (in-flight exchanges get up to one second) and the watchdog. */
    void shutdown() {
        watchdog.shutdownNow();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** One exchange's deadline for the client's next bytes, while it waits for them. */
    private static final class Watch {
        private final Thread thread;
        private final long idleNanos;
        private long deadline;
        private boolean watching;

        Watch(Thread thread, long idleNanos) {
            this.thread = thread;
            this.idleNanos = idleNanos;
        }

        synchronized void waitForClient() {
            deadline = System.nanoTime() + idleNanos;
            watching = true;
        }

        synchronized void stop() {
            watching = false;
        }

        synchronized void interruptIfIdle(long now) {
            if (watching && now - deadline > 0) {
                watching = false;
                thread.interrupt(); // a blocked channel read closes its channel when interrupted
            }
        }
    }
}
