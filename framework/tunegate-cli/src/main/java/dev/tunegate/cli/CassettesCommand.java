package dev.tunegate.cli;

import dev.tunegate.engine.run.replay.CassetteCalls;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunegate cassettes}: maintenance of recorded model calls. */
@Command(
        name = "cassettes",
        mixinStandardHelpOptions = true,
        description = "Maintain recorded model calls (tunegate.mode=record|replay|auto).",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = CassettesCommand.Prune.class)
final class CassettesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: prune");
    }

    /** {@code tunegate cassettes prune DIR}: deletes the recordings the last run listed as unused. */
    @Command(
            name = "prune",
            mixinStandardHelpOptions = true,
            description = {
                "Delete the recordings that the last run with recordings did not use.",
                "Every run in record, replay or auto mode lists them in DIR/" + CassetteCalls.UNUSED_LIST_FILE
                        + " (only for the suites it ran: prune after a full, unfiltered run)."
            })
    static final class Prune implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(
                index = "0",
                paramLabel = "DIR",
                defaultValue = CassetteCalls.DEFAULT_CASSETTES,
                description = "Recordings directory (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Option(
                names = {"-n", "--dry-run"},
                description = "Only list what would be deleted.")
        boolean dryRun;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isDirectory(dir)) {
                throw new UserInputException("No such recordings directory: " + dir);
            }
            Path list = dir.resolve(CassetteCalls.UNUSED_LIST_FILE);
            if (!Files.isRegularFile(list)) {
                out.println("Nothing to prune: the last run used every recording in " + dir
                        + " (or no run with --mode record|replay|auto has listed any).");
                return ExitCodes.OK;
            }
            Path root = dir.toAbsolutePath().normalize();
            List<String> entries;
            try {
                entries = Files.readAllLines(list, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int deleted = 0;
            for (String entry : entries) {
                if (entry.isBlank()) {
                    continue;
                }
                Path file = root.resolve(entry.strip()).normalize();
                if (!file.startsWith(root) || !file.getFileName().toString().endsWith(".json")) {
                    spec.commandLine().getErr().println("Skipping " + entry + ": not a recording inside " + dir);
                    continue;
                }
                if (!Files.exists(file)) {
                    continue;
                }
                out.println((dryRun ? "would delete " : "deleted ") + dir.resolve(root.relativize(file)));
                if (!dryRun) {
                    try {
                        Files.delete(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                deleted++;
            }
            if (!dryRun) {
                try {
                    Files.delete(list);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            out.println((dryRun ? "Would delete " : "Deleted ") + deleted + " unused recording(s).");
            return ExitCodes.OK;
        }
    }
}
