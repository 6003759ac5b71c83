package dev.tunegate.cli;

import java.io.PrintWriter;
import org.junit.platform.engine.TestExecutionResult;
import picocli.CommandLine.Help.Ansi;

/** Prints the end-of-run summary: a table per suite and variant, the gate verdicts, the failures. */
final class RunReport {
    private static final int MAX_MESSAGE_LINES = 6;

    private final RunTally recorder;
    private final Ansi ansi;
    private final boolean verbose;

    RunReport(RunTally recorder, Ansi ansi, boolean verbose) {
        this.recorder = recorder;
        this.ansi = ansi;
        this.verbose = verbose;
    }

    void print(PrintWriter out, java.nio.file.Path reportsDir, java.time.Instant started) {
        java.nio.file.Path tunegate = reportsDir.resolve("tunegate");
        java.nio.file.Path summary = tunegate.resolve("summary.json");
        boolean fresh;
        try {
            fresh = java.nio.file.Files.isRegularFile(summary)
                    && !java.nio.file.Files.getLastModifiedTime(summary)
                            .toInstant()
                            .isBefore(started.minusSeconds(1));
        } catch (java.io.IOException e) {
            fresh = false;
        }
        print(out, fresh ? GateRules.read(summary) : GateRules.NONE);
        if (fresh) {
            out.println("Reports: " + tunegate.resolve("summary.md") + ", " + tunegate.resolve("compare.html")
                    + " (compare runs with: tunegate compare OLD/summary.json " + summary + ")");
        }
    }

    private void print(PrintWriter out, GateRules rules) {
        // TOLERATED: failures of cases that only count towards a gate (the engine reports them as
        // aborted so that they do not fail the build; they are failures all the same).
        TextTable table =
                new TextTable("SUITE", "VARIANT", "PASSED", "FAILED", "TOLERATED", "ABORTED", "SKIPPED", "PASS RATE");
        for (RunTally.Counts c : recorder.counts()) {
            int ran = c.passed + c.failed + c.tolerated + c.aborted;
            String rate = ran == 0 ? "-" : String.format("%5.1f%%", 100.0 * c.passed / ran);
            table.row(c.suite, c.variant, c.passed, c.failed, c.tolerated, c.aborted, c.skipped, rate);
        }
        out.println();
        out.print(table.render(
                (col, text) -> col == 3 && !text.isBlank() && !text.strip().equals("0")
                        ? ansi.string("@|red " + RunCommand.escape(text) + "|@")
                        : text));

        if (!recorder.gates().isEmpty()) {
            TextTable gates = new TextTable("SUITE", "GATE", "VERDICT", "DETAIL");
            for (RunTally.Gate g : recorder.gates()) {
                // the rules behind the verdict (from summary.json); else the verdict's first line
                String detail = rules.detail(g.suite(), g.candidate()).orElse(g.verdict());
                gates.row(g.suite(), "gate [" + g.candidate() + "]", verdict(g.status()), detail);
            }
            out.println();
            out.print(gates.render((col, text) -> col == 2 ? colourVerdict(text) : text));
        }
        for (String recommendation : rules.recommendations()) {
            out.println(ansi.string("@|bold Checkpoint|@ ") + RunCommand.escape(recommendation));
        }

        if (recorder.incomplete() != null) {
            out.println();
            out.println(
                    ansi.string("@|red,bold INCOMPLETE|@ (not passed): " + RunCommand.escape(recorder.incomplete())));
        }

        if (!recorder.problems().isEmpty()) {
            out.println();
            out.println(ansi.string("@|bold Failures (" + recorder.problems().size() + "):|@"));
            for (RunTally.Problem p : recorder.problems()) {
                out.println(ansi.string("  @|red ✗|@ ") + p.test() + "  [" + label(p.category()) + "]");
                printIndented(out, p.message());
            }
        }
        long unrecorded = recorder.aborted().stream()
                .filter(p -> p.message().startsWith("No recording for"))
                .count();
        if (unrecorded > 0) {
            out.println();
            out.println(ansi.string("@|yellow " + unrecorded + " test(s) had no recording to replay|@ and were aborted"
                    + " (gates count them as failures): record them with --mode auto"
                    + (verbose ? "." : ", or see which with -v.")));
        }
        if (verbose && !recorder.aborted().isEmpty()) {
            out.println();
            out.println(ansi.string("@|bold Aborted (" + recorder.aborted().size() + "):|@"));
            for (RunTally.Problem p : recorder.aborted()) {
                out.println("  - " + p.test());
                printIndented(out, p.message());
            }
        }
        out.println();
        out.println(ansi.string(
                switch (recorder.exitCode()) {
                    case ExitCodes.OK -> "@|green,bold PASSED|@";
                    case ExitCodes.FAILED -> "@|red,bold FAILED|@: a gate or an enforced case failed (exit 1)";
                    case ExitCodes.USAGE -> "@|red,bold ERROR|@: discovery issues or unreadable suites (exit 2)";
                    default -> "@|red,bold ERROR|@: infrastructure errors (exit 3)";
                }));
    }

    private static void printIndented(PrintWriter out, String message) {
        String[] lines = message.split("\\R");
        for (int i = 0; i < Math.min(lines.length, MAX_MESSAGE_LINES); i++) {
            out.println("      " + lines[i]);
        }
        if (lines.length > MAX_MESSAGE_LINES) {
            out.println("      … (" + (lines.length - MAX_MESSAGE_LINES) + " more lines)");
        }
    }

    private static String label(FailureCategory category) {
        return switch (category) {
            case ASSERTION -> "assertion";
            case INFRASTRUCTURE -> "infrastructure";
            case DISCOVERY -> "input";
        };
    }

    private static String verdict(TestExecutionResult.Status status) {
        return switch (status) {
            case SUCCESSFUL -> "PROMOTE";
            case FAILED -> "REJECT";
            case ABORTED -> "ABORTED";
        };
    }

    private String colourVerdict(String padded) {
        String word = padded.strip();
        String style = word.equals("PROMOTE") ? "green,bold" : word.equals("REJECT") ? "red,bold" : "yellow";
        return ansi.string("@|" + style + " " + word + "|@") + padded.substring(word.length());
    }
}
