package dev.tunegate.engine.matchers;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces the time limit of matchers checked on the caller's thread: one daemon thread looks at the
 * running checks every few milliseconds and interrupts a thread whose check passed its deadline. A
 * check costs the caller two uncontended locks and no hand-over to another thread; each thread that
 * ever checks under a limit has one reused {@link Slot}.
 */
final class Watchdog {
    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final CopyOnWriteArrayList<Slot> SLOTS = new CopyOnWriteArrayList<>();
    private static final ThreadLocal<Slot> SLOT = ThreadLocal.withInitial(Watchdog::newSlot);

    static {
        Thread thread = new Thread(Watchdog::watch, "tunegate-matcher-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private Watchdog() {}

    /** The calling thread's slot, for {@link Slot#arm} and {@link Slot#disarm} around one check. */
    static Slot slot() {
        return SLOT.get();
    }

    private static Slot newSlot() {
        Slot slot = new Slot(Thread.currentThread());
        SLOTS.add(slot);
        return slot;
    }

    private static void watch() {
        while (true) {
            LockSupport.parkNanos(PERIOD_NANOS);
            long now = System.nanoTime();
            for (Slot slot : SLOTS) {
                if (!slot.thread.isAlive()) {
                    SLOTS.remove(slot);
                } else {
                    slot.interruptIfLate(now);
                }
            }
        }
    }

    /** One thread's running check: its deadline, and whether the watchdog interrupted it. */
    static final class Slot {
        private final Thread thread;
        // guarded by this
        private boolean armed;
        private boolean fired;
        private long deadline;

        private Slot(Thread thread) {
            this.thread = thread;
        }

        /** A check starts now and may run until {@code limitNanos} from now. */
        synchronized void arm(long limitNanos) {
            deadline = System.nanoTime() + limitNanos;
            fired = false;
            armed = true;
        }

        /**
         * The check ended; true when the watchdog interrupted it (the interrupt is then cleared, so it
         * does not reach the caller's next wait).
         */
        boolean disarm() {
            boolean late;
            synchronized (this) {
                armed = false;
                late = fired;
            }
            if (late) {
                Thread.interrupted();
            }
            return late;
        }

        synchronized void interruptIfLate(long now) {
            if (armed && !fired && now - deadline > 0) {
                fired = true;
                thread.interrupt();
            }
        }
    }
}
