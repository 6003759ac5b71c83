package dev.tunegate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the log records of a {@code tunegate run} (java.util.logging, where the engine and, through
 * slf4j-jdk14, its libraries log) through {@link RunProgress#log}, so that they are printed above the
 * progress bar instead of into it. While installed, the root logger's console handlers are set aside;
 * {@link #close()} puts them back.
 */
final class LogRouting extends Handler implements AutoCloseable {
    private final RunProgress progress;
    private final Logger root = LogManager.getLogManager().getLogger("");
    private final List<Handler> consoles = new ArrayList<>();
    private final SimpleFormatter messages = new SimpleFormatter();

    private LogRouting(RunProgress progress) {
        this.progress = progress;
        setLevel(Level.INFO);
    }

    /** Routes the root logger's records to {@code progress} until closed. */
    static LogRouting install(RunProgress progress) {
        LogRouting routing = new LogRouting(progress);
        for (Handler handler : routing.root.getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                routing.consoles.add(handler);
                routing.root.removeHandler(handler);
            }
        }
        routing.root.addHandler(routing);
        return routing;
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        String line = record.getLevel().getLocalizedName() + ": " + messages.formatMessage(record);
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line += System.lineSeparator() + trace.toString().stripTrailing();
        }
        progress.log(line);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        root.removeHandler(this);
        consoles.forEach(root::addHandler);
        consoles.clear();
    }
}
