package dev.tunegate.cli.reliability;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The figures of one reliability phase and the checks it made; a phase passes when every check holds. */
final class Figures {
    private final String phase;
    private final List<String> rows = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    Figures(String phase) {
        this.phase = phase;
    }

    /** Records a figure. */
    Figures add(String name, Object value) {
        rows.add(String.format("  %-44s %s", name, value));
        return this;
    }

    /** Records a figure that must be {@code expected}. */
    Figures expect(String name, long actual, long expected) {
        add(name, actual == expected ? actual : actual + "   <-- expected " + expected);
        if (actual != expected) {
            failed.add(name + ": " + actual + ", expected " + expected);
        }
        return this;
    }

    /** Records a check with its reason when it fails. */
    Figures check(boolean holds, String what) {
        if (!holds) {
            failed.add(what);
        }
        return this;
    }

    /** Resident memory in MiB, or "n/a" when unknown. */
    static String mib(long kb) {
        return kb < 0 ? "n/a" : String.format("%.0f MiB", kb / 1024.0);
    }

    boolean passed() {
        return failed.isEmpty();
    }

    void print(PrintStream out) {
        out.println();
        out.println("== " + phase + ": " + (passed() ? "PASSED" : "FAILED"));
        rows.forEach(out::println);
        failed.forEach(f -> out.println("  FAILED: " + f));
        out.flush();
    }
}
