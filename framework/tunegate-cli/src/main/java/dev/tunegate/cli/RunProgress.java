package dev.tunegate.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The progress of {@code tunegate run} on a {@link Terminal}, sharing it with log lines. On an
 * interactive terminal at least {@value ProgressLine#MIN_WIDTH} columns wide, one bar line is redrawn in
 * place (at most every {@link #REDRAW}) and every log line is printed above it: the bar is erased, the
 * line printed, the bar drawn again below. Otherwise (not a terminal, or a narrow one) it prints a plain
 * progress line at every tenth of the run, and log lines as they come. Rates come from {@code clock}.
 */
final class RunProgress implements ProgressDisplay {
    private static final Duration REDRAW = Duration.ofMillis(100);
    private static final String ERASE_LINE = "\r\u001B[K";

    private final Terminal terminal;
    private final Clock clock;
    private boolean bar;
    private boolean running;
    private Instant started;
    private Instant drawn;
    private long done;
    private long total;
    private String test = "";
    private long lastTenth = -1;
    private String frame = "";

    RunProgress(Terminal terminal, Clock clock) {
        this.terminal = terminal;
        this.clock = clock;
    }

    @Override
    public synchronized void start(String task, long total, String unit) {
        this.total = total;
        this.done = 0;
        this.started = clock.instant();
        this.running = true;
        this.bar = terminal.interactive() && terminal.width() >= ProgressLine.MIN_WIDTH;
        this.lastTenth = 0;
        if (bar) {
            draw();
        }
    }

    @Override
    public synchronized void update(long current, long total, String message) {
        if (!running) {
            return;
        }
        this.done = current;
        this.total = Math.max(total, current);
        this.test = message == null ? "" : message;
        Instant now = clock.instant();
        if (bar) {
            if (drawn == null || !now.isBefore(drawn.plus(REDRAW)) || current >= this.total) {
                draw();
            }
        } else {
            long tenth = this.total == 0 ? 10 : current * 10 / this.total;
            if (tenth > lastTenth) {
                lastTenth = tenth;
                terminal.write(ProgressLine.plain(done, this.total, rate(now), terminal.width()) + "\n");
            }
        }
    }

    /** Prints one log line above the bar (or just prints it when no bar is drawn). */
    synchronized void log(String line) {
        if (bar && running) {
            terminal.write(ERASE_LINE + line + "\n" + frame);
        } else {
            terminal.write(line + "\n");
        }
    }

    @Override
    public synchronized void close() {
        if (running && bar) {
            terminal.write(ERASE_LINE);
        }
        running = false;
    }

    private void draw() {
        Instant now = clock.instant();
        drawn = now;
        frame = ERASE_LINE + ProgressLine.bar(done, total, rate(now), test, terminal.width());
        terminal.write(frame);
    }

    private double rate(Instant now) {
        double seconds = Duration.between(started, now).toMillis() / 1000.0;
        return seconds <= 0 ? Double.NaN : done / seconds;
    }
}
