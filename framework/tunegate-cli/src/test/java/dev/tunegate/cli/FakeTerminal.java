package dev.tunegate.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A terminal of a given width that records what is written and replays it on a one-line screen model:
 * carriage return, erase to end of line ({@code ESC [ K}) and newline. {@link #shown()} is every state of
 * the current line just before it was erased or ended (each frame as the user saw it), {@link #scrollback()}
 * the lines that stayed.
 */
final class FakeTerminal implements Terminal {
    private final boolean interactive;
    private final int width;
    private final StringBuilder transcript = new StringBuilder();

    FakeTerminal(boolean interactive, int width) {
        this.interactive = interactive;
        this.width = width;
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public synchronized void write(String text) {
        transcript.append(text);
    }

    synchronized String transcript() {
        return transcript.toString();
    }

    /** Every non-empty state of the line before a carriage return, an erase or a newline. */
    List<String> shown() {
        return replay(true);
    }

    /** The lines that ended with a newline, and the line left at the end if not empty. */
    List<String> scrollback() {
        return replay(false);
    }

    private List<String> replay(boolean frames) {
        String text = transcript();
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int cursor = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || (c == '\u001B' && text.startsWith("[K", i + 1))) {
                if (frames && !line.isEmpty()) {
                    out.add(line.toString());
                }
                if (c == '\n') {
                    if (!frames) {
                        out.add(line.toString());
                    }
                    line.setLength(0);
                    cursor = 0;
                } else if (c == '\r') {
                    cursor = 0;
                } else {
                    line.setLength(cursor);
                    i += 2;
                }
            } else if (cursor < line.length()) {
                line.setCharAt(cursor++, c);
            } else {
                line.append(c);
                cursor++;
            }
        }
        if (!line.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
