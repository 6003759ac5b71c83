package dev.tunegate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.jline.terminal.TerminalBuilder;

/**
 * Where {@code tunegate run} shows its progress and log lines: the command's standard error, whether it
 * is an interactive terminal, and how wide it is. Tests inject a fake one to check the frames.
 */
interface Terminal extends AutoCloseable {

    /** Width assumed when the terminal does not say (or output is not a terminal). */
    int DEFAULT_WIDTH = 80;

    /** True when a bar may be redrawn in place: standard output is a terminal. */
    boolean interactive();

    /** Columns of the terminal now. */
    int width();

    /** Writes text as is (control characters included) and flushes. */
    void write(String text);

    @Override
    default void close() {}

    /**
     * The process's terminal, writing to {@code err}: interactive when the JVM has a console (standard
     * input and output are terminals), with the width JLine measures; otherwise plain at 80 columns.
     */
    static Terminal system(PrintWriter err) {
        if (System.console() == null) {
            return new Plain(err);
        }
        try {
            org.jline.terminal.Terminal jline =
                    TerminalBuilder.builder().system(true).dumb(true).build();
            return new Console(err, jline);
        } catch (IOException | RuntimeException e) {
            return new Plain(err);
        }
    }

    /** Not a terminal (a pipe, a file, CI): no redrawing. */
    final class Plain implements Terminal {
        private final PrintWriter err;

        Plain(PrintWriter err) {
            this.err = err;
        }

        @Override
        public boolean interactive() {
            return false;
        }

        @Override
        public int width() {
            return DEFAULT_WIDTH;
        }

        @Override
        public void write(String text) {
            err.print(text);
            err.flush();
        }
    }

    /** An interactive terminal measured by JLine (the library the progress bar of {@code tune} uses too). */
    final class Console implements Terminal {
        private final PrintWriter err;
        private final org.jline.terminal.Terminal jline;

        Console(PrintWriter err, org.jline.terminal.Terminal jline) {
            this.err = err;
            this.jline = jline;
        }

        @Override
        public boolean interactive() {
            return true;
        }

        @Override
        public int width() {
            int width = jline.getWidth();
            return width > 0 ? width : DEFAULT_WIDTH;
        }

        @Override
        public void write(String text) {
            err.print(text);
            err.flush();
        }

        @Override
        public void close() {
            try {
                jline.close();
            } catch (IOException ignored) {
                // nothing to restore then
            }
        }
    }
}
