package dev.tunegate.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the engine logs (logger {@code dev.tunegate.engine}) while this is open, one line per record. */
final class EngineLog implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger("dev.tunegate.engine");
    private final Handler handler;

    private EngineLog(Function<LogRecord, String> line) {
        handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(line.apply(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** Captures each record's message. */
    static EngineLog messages() {
        return new EngineLog(LogRecord::getMessage);
    }

    /** Captures each record as its level and message, e.g. {@code WARNING Tuned model …}. */
    static EngineLog levelsAndMessages() {
        return new EngineLog(record -> record.getLevel() + " " + record.getMessage());
    }

    /** The lines captured so far (and after {@link #close()}, all of them). */
    List<String> lines() {
        return lines;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
