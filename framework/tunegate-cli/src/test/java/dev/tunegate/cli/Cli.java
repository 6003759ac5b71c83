package dev.tunegate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the tunegate command line in-process with captured output. */
final class Cli {
    private Cli() {}

    static Result run(String... args) {
        return run(TuneGateCli.commandLine(), args);
    }

    /**
     * Runs {@code tunegate run ARGS} with {@code terminal} as the terminal its progress and log lines go to,
     * a clock that advances one second each time it is read, and a JVM that started at that clock's zero.
     */
    static Result runOn(FakeTerminal terminal, String... args) {
        CommandLine cli = TuneGateCli.commandLine();
        RunCommand run = cli.getSubcommands().get("run").getCommand();
        run.terminals = err -> terminal;
        run.clock = new SteppingClock();
        run.jvmStart = () -> java.util.Optional.of(java.time.Instant.EPOCH);
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        return run(cli, all);
    }

    private static Result run(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A clock that moves one second forward each time it is read. */
    static final class SteppingClock extends java.time.Clock {
        private final java.util.concurrent.atomic.AtomicLong seconds = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.EPOCH.plusSeconds(seconds.incrementAndGet());
        }
    }

    /** Exit code and captured standard output and error. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out ---\n" + out + "\n--- err ---\n" + err;
        }
    }
}
