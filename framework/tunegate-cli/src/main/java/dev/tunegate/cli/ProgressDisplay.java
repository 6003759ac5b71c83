package dev.tunegate.cli;

import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on the terminal's standard error, or nothing when output is not a terminal. */
interface ProgressDisplay extends AutoCloseable {

    ProgressDisplay NONE = new ProgressDisplay() {
        @Override
        public void start(String task, long total, String unit) {}

        @Override
        public void update(long current, long total, String message) {}

        @Override
        public void close() {}
    };

    /** Starts the bar with a total number of steps. */
    void start(String task, long total, String unit);

    /** Moves the bar to {@code current} of {@code total} with a short message. */
    void update(long current, long total, String message);

    @Override
    void close();

    /** A terminal bar when standard output is a terminal and progress was not switched off, otherwise {@link #NONE}. */
    static ProgressDisplay forTerminal(boolean enabled) {
        return enabled && System.console() != null ? new TerminalProgress() : NONE;
    }

    /** The progressbar library's bar, drawn on standard error. */
    final class TerminalProgress implements ProgressDisplay {
        private ProgressBar bar;

        @Override
        public synchronized void start(String task, long total, String unit) {
            close();
            bar = new ProgressBarBuilder()
                    .setTaskName(task)
                    .setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUnit(" " + unit, 1)
                    .showSpeed()
                    .setUpdateIntervalMillis(100)
                    .setMaxRenderedLength(120)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
                    .startsFrom(0, Duration.ZERO)
                    .build();
        }

        @Override
        public synchronized void update(long current, long total, String message) {
            if (bar == null) {
                return;
            }
            if (total > 0 && bar.getMax() != total) {
                bar.maxHint(total);
            }
            bar.stepTo(current);
            bar.setExtraMessage(message == null ? "" : abbreviate(message));
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }

        private static String abbreviate(String message) {
            return message.length() <= 40 ? message : message.substring(0, 39) + "…";
        }
    }
}
