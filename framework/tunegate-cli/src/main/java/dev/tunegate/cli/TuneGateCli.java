package dev.tunegate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code tunegate} command line: runs evaluation suites, tunes models, manages tuned models,
 * starts the emulator, compares two runs, maintains recordings and writes a new project.
 *
 * <p>Use {@link #commandLine()} to embed it (tests call {@code commandLine().execute(args)}); the
 * exit codes are documented in {@link ExitCodes}.
 */
@Command(
        name = "tunegate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Evaluate, gate and manage tuned Gemini models.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
            RunCommand.class,
            TuneCommand.class,
            CheckpointsCommand.class,
            ModelsCommand.class,
            EmulatorCommand.class,
            CompareCommand.class,
            MergeCommand.class,
            CassettesCommand.class,
            CalibrateCommand.class,
            InitCommand.class,
            HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything passed",
            "1:a gate or an enforced case failed",
            "2:usage, input or discovery error",
            "3:infrastructure error (HTTP, I/O, timeouts)"
        })
public final class TuneGateCli implements Runnable {

    @Spec
    CommandSpec spec;

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        // one line per log record (retries, tuning progress) instead of java.util.logging's two
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        CommandLine cli = commandLine();
        int exitCode = cli.execute(args);
        cli.getOut().flush(); // print() does not auto-flush, and System.exit would drop the rest
        cli.getErr().flush();
        System.exit(exitCode);
    }

    /** A fresh, configured command line: colour only on a terminal, typed exit codes. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TuneGateCli());
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(Ansi.AUTO));
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(),
                "Missing command: run, tune, checkpoints, models, emulator, compare, merge, cassettes, calibrate or init");
    }
}
