package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tunegate run}'s live progress on a fake terminal: a bar that fits the width and keeps its
 * cells at 80 columns, log lines printed above it (never into it), plain lines when the terminal is
 * narrow or not a terminal.
 */
class RunProgressTest {
    private static final String SUITES = "src/test/resources/suites/";
    private static final String LOG_LINE = "INFO: TuneGate: embedded Gemini emulator at http://127.0.0.1:";

    @TempDir
    Path reports;

    private Cli.Result run(FakeTerminal terminal) {
        return Cli.runOn(terminal, "--reports", reports.toString(), SUITES + "passing", SUITES + "gated");
    }

    @Test
    void atEightyColumnsTheBarFitsKeepsItsCellsAndLogLinesGoAboveIt() {
        FakeTerminal terminal = new FakeTerminal(true, 80);
        Cli.Result result = run(terminal);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);

        List<String> frames = terminal.shown();
        List<String> bars = frames.stream().filter(f -> f.contains("% [")).toList();
        assertThat(bars).as(terminal.transcript()).isNotEmpty();
        assertThat(bars)
                .as("no bar wider than the terminal")
                .allSatisfy(f -> assertThat(f.codePointCount(0, f.length())).isLessThan(80));
        assertThat(bars)
                .as("the bar keeps its cells")
                .allSatisfy(b -> assertThat(b).containsPattern("\\[[█░]{10,}\\]"));
        assertThat(bars)
                .as("the rate is separated from the test name")
                .anySatisfy(b -> assertThat(b).containsPattern("\\d+/10 · [0-9.]+/s · (greetings|gated) › "));
        assertThat(bars.get(bars.size() - 1)).startsWith("100% ").contains("10/10");

        List<String> screen = terminal.scrollback();
        assertThat(screen)
                .as("the log line stays on a line of its own, with no bar in it")
                .anySatisfy(line -> assertThat(line).startsWith(LOG_LINE).doesNotContain("█", "░", "%"));
        assertThat(screen).as("no bar is left in the scrollback").noneMatch(line -> line.contains("% ["));
        String transcript = terminal.transcript();
        int log = transcript.indexOf(LOG_LINE);
        assertThat(transcript.lastIndexOf("% [", log))
                .as("the log line was printed while the bar was shown")
                .isPositive();
        assertThat(transcript.indexOf("% [", log))
                .as("and the bar is drawn again below it")
                .isGreaterThan(log);
    }

    @Test
    void aNarrowTerminalGetsPlainLines() {
        FakeTerminal terminal = new FakeTerminal(true, 40);
        Cli.Result result = run(terminal);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertPlainLines(terminal, 40);
    }

    @Test
    void notATerminalGetsPlainLines() {
        FakeTerminal terminal = new FakeTerminal(false, 80);
        Cli.Result result = run(terminal);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertPlainLines(terminal, 80);
        assertThat(terminal.scrollback()).anySatisfy(line -> assertThat(line).startsWith(LOG_LINE));
    }

    @Test
    void noProgressPrintsOnlyTheLogLines() {
        FakeTerminal terminal = new FakeTerminal(true, 80);
        Cli.Result result = Cli.runOn(terminal, "--no-progress", "--reports", reports.toString(), SUITES + "passing");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(terminal.transcript()).doesNotContain("\r", "% [", "tunegate: ");
        assertThat(terminal.scrollback()).anySatisfy(line -> assertThat(line).startsWith(LOG_LINE));
    }

    @Test
    void verboseSaysWhenTheFirstResultArrivedAndWhetherClassDataSharingWasUsed() {
        FakeTerminal terminal = new FakeTerminal(false, 80);
        Cli.Result quiet = Cli.runOn(terminal, "--no-progress", "--reports", reports.toString(), SUITES + "passing");
        assertThat(quiet.out()).doesNotContain("First result");

        Cli.Result verbose =
                Cli.runOn(terminal, "-v", "--no-progress", "--reports", reports.toString(), SUITES + "passing");
        assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
        // the stepping clock: whole seconds since the JVM "started" at its zero; this JVM got no archive
        assertThat(verbose.out())
                .containsPattern(
                        "First result: [1-9][0-9]*\\.00 s after the JVM started; class-data sharing: no archive"
                                + " given \\(the tunegate script next to tunegate.jar gives tunegate.jsa\\)");
    }

    private static void assertPlainLines(FakeTerminal terminal, int width) {
        String transcript = terminal.transcript();
        assertThat(transcript).as("nothing redrawn in place").doesNotContain("\r", "\u001B", "█", "░");
        List<String> progress = terminal.scrollback().stream()
                .filter(line -> line.startsWith("tunegate: "))
                .toList();
        assertThat(progress).as(transcript).isNotEmpty().last().asString().startsWith("tunegate: 10/10 tests (100%)");
        assertThat(progress).allSatisfy(line -> assertThat(line.length()).isLessThan(width));
    }
}
