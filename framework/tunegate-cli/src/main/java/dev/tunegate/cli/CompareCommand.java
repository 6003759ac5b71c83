package dev.tunegate.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunegate compare OLD NEW}: what changed between two runs' summary.json files; {@code tunegate compare --against
 * DIR SUITES}: gate a run against a previous run's recorded answers without calling the baselines.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compare two runs' summary.json files: regressions, fixes, pass-rate deltas.",
            "A new regression is a case that passed in OLD and fails in NEW (or a newly reported gate",
            "regression); a fix is the other way round. Gate verdicts are shown side by side.",
            "",
            "With --against DIR, gate a run against a previous run's recorded answers instead: the",
            "suites given are run with every suite's gate baseline frozen (answered only from the",
            "recordings in DIR, never called) and the other variants called live (not recorded), and",
            "the gate verdicts and exit code are those of `tunegate run`."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:compared (also with regressions, unless --fail-on-regression); with --against: the gates passed",
            "1:--fail-on-regression was given and NEW has new regressions; with --against: a gate or enforced case failed",
            "2:a file is missing or is not a summary.json; usage error",
            "3:with --against: infrastructure error (HTTP, I/O, timeouts)"
        })
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "FILE",
            description = "OLD and NEW summary.json (earlier run, later run); with --against: suite files or folders.")
    List<Path> files;

    @Option(names = "--fail-on-regression", description = "Exit with 1 when NEW has regressions OLD did not have.")
    boolean failOnRegression;

    @Option(
            names = "--against",
            paramLabel = "DIR",
            description = "A previous run's recordings directory (its tunegate.cassettes): run the suites and gate"
                    + " their candidates against the baselines' answers recorded there, without calling the baselines.")
    Path against;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description =
                    "With --against: where the other variants are called ('embedded', the default, or a base URL).")
    String endpoint;

    @Option(names = "--reports", paramLabel = "DIR", description = "With --against: reports directory.")
    Path reports;

    @Option(
            names = "-D",
            paramLabel = "KEY=VALUE",
            mapFallbackValue = "true",
            description = "With --against: any configuration parameter of the run.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--no-progress", description = "With --against: do not draw a progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        if (against != null) {
            return gateAgainst();
        }
        if (files.size() != 2) {
            throw new ParameterException(
                    spec.commandLine(),
                    "compare needs two summary.json files, OLD and NEW (or --against DIR and suites), got "
                            + files.size());
        }
        Path oldFile = files.get(0);
        Path newFile = files.get(1);
        RunSummary before = RunSummary.read(oldFile);
        RunSummary after = RunSummary.read(newFile);
        PrintWriter out = spec.commandLine().getOut();
        Ansi ansi = spec.commandLine().getColorScheme().ansi();

        out.println("Comparing " + before.label() + " (old) with " + after.label() + " (new)");
        out.println();
        out.println(ansi.string("@|bold Pass rates|@"));
        out.print(passRates(before, after).render((col, text) -> colourDelta(ansi, col, text)));

        TextTable gates = gates(before, after);
        if (!gates.isEmpty()) {
            out.println();
            out.println(ansi.string("@|bold Gates|@"));
            out.print(gates.render());
        }

        List<Change> changes = changes(before, after);
        List<Change> regressions = changes.stream().filter(c -> !c.nowPasses()).toList();
        List<Change> fixes = changes.stream().filter(Change::nowPasses).toList();
        out.println();
        out.println(ansi.string("@|bold New regressions (" + regressions.size() + ")|@"));
        regressions.forEach(c -> out.println(ansi.string("  @|red -|@ ") + c.describe()));
        out.println();
        out.println(ansi.string("@|bold Fixes (" + fixes.size() + ")|@"));
        fixes.forEach(c -> out.println(ansi.string("  @|green +|@ ") + c.describe()));

        Set<String> gone = new LinkedHashSet<>(before.suites().keySet());
        gone.removeAll(after.suites().keySet());
        Set<String> added = new LinkedHashSet<>(after.suites().keySet());
        added.removeAll(before.suites().keySet());
        if (!gone.isEmpty() || !added.isEmpty()) {
            out.println();
            added.forEach(s -> out.println("Suite only in new run: " + s));
            gone.forEach(s -> out.println("Suite only in old run: " + s));
        }
        out.flush();
        return failOnRegression && !regressions.isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * {@code --against DIR}: {@code tunegate run} of the suites with {@code tunegate.cassettes=DIR},
     * {@code tunegate.gate.frozen-baseline=true} (each suite's baseline answered from DIR) and {@code tunegate.mode=live}
     * for the others, so nothing is written into DIR.
     */
    private int gateAgainst() {
        if (failOnRegression) {
            throw new ParameterException(
                    spec.commandLine(), "--fail-on-regression compares two summaries; with --against the gates decide");
        }
        if (!Files.isDirectory(against)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--against needs a recordings directory (a tunegate.cassettes); not one: " + against);
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(
                "Gating against the answers recorded in " + against
                        + ": each suite's baseline is frozen (answered from there, not called); the other variants are called.");
        err.flush();
        List<String> args = new ArrayList<>(List.of(
                "run",
                "--mode",
                "live",
                "--cassettes",
                against.toString(),
                "-D" + dev.tunegate.engine.Constants.GATE_FROZEN_BASELINE_PROPERTY_NAME + "=true"));
        if (endpoint != null) {
            args.addAll(List.of("--endpoint", endpoint));
        }
        if (reports != null) {
            args.addAll(List.of("--reports", reports.toString()));
        }
        if (noProgress) {
            args.add("--no-progress");
        }
        parameters.forEach((key, value) -> args.add("-D" + key + "=" + value));
        files.forEach(f -> args.add(f.toString()));
        CommandLine root = spec.commandLine().getParent();
        return root.execute(args.toArray(String[]::new));
    }

    private static TextTable passRates(RunSummary before, RunSummary after) {
        TextTable table = new TextTable("SUITE", "VARIANT", "OLD", "NEW", "DELTA");
        for (Map.Entry<String, RunSummary.Suite> suite : after.suites().entrySet()) {
            RunSummary.Suite old = before.suites().get(suite.getKey());
            for (RunSummary.Variant variant : suite.getValue().variants().values()) {
                Double was = old == null || !old.variants().containsKey(variant.name())
                        ? null
                        : rate(old.variants().get(variant.name()));
                Double now = rate(variant);
                table.row(
                        suite.getKey(),
                        variant.name(),
                        percent(was),
                        percent(now),
                        was == null || now == null ? "" : String.format("%+.1f pp", 100 * (now - was)));
            }
        }
        return table;
    }

    private static TextTable gates(RunSummary before, RunSummary after) {
        TextTable table = new TextTable("SUITE", "CANDIDATE", "BASELINE", "OLD", "NEW", "REGRESSIONS OLD→NEW");
        for (Map.Entry<String, RunSummary.Suite> suite : after.suites().entrySet()) {
            RunSummary.Suite old = before.suites().get(suite.getKey());
            for (RunSummary.Candidate candidate : suite.getValue().candidates().values()) {
                RunSummary.Candidate was = old == null ? null : old.candidates().get(candidate.name());
                table.row(
                        suite.getKey(),
                        candidate.name(),
                        Objects.toString(candidate.baseline(), ""),
                        verdict(was == null ? null : was.promoted()),
                        verdict(candidate.promoted()),
                        (was == null ? "-" : String.valueOf(was.regressions().size())) + " → "
                                + candidate.regressions().size());
            }
        }
        for (Map.Entry<String, RunSummary.Suite> suite : before.suites().entrySet()) {
            RunSummary.Suite now = after.suites().get(suite.getKey());
            for (RunSummary.Candidate was : suite.getValue().candidates().values()) {
                if (now == null || !now.candidates().containsKey(was.name())) {
                    table.row(
                            suite.getKey(),
                            was.name(),
                            Objects.toString(was.baseline(), ""),
                            verdict(was.promoted()),
                            "-",
                            was.regressions().size() + " → -");
                }
            }
        }
        return table;
    }

    /** Case-level changes per variant, plus gate regressions that appear in only one run. */
    static List<Change> changes(RunSummary before, RunSummary after) {
        List<Change> changes = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, RunSummary.Suite> suite : after.suites().entrySet()) {
            RunSummary.Suite old = before.suites().get(suite.getKey());
            if (old == null) {
                continue;
            }
            for (RunSummary.Variant variant : suite.getValue().variants().values()) {
                RunSummary.Variant oldVariant = old.variants().get(variant.name());
                if (oldVariant == null) {
                    continue;
                }
                variant.cases().forEach((caseId, passes) -> {
                    Boolean passed = oldVariant.cases().get(caseId);
                    if (passed != null && !passed.equals(passes)) {
                        changes.add(new Change(suite.getKey(), variant.name(), caseId, passes, null));
                        seen.add(suite.getKey() + "/" + variant.name() + "/" + caseId);
                    }
                });
            }
            for (RunSummary.Candidate candidate : suite.getValue().candidates().values()) {
                RunSummary.Candidate oldCandidate = old.candidates().get(candidate.name());
                Set<String> oldRegressions = oldCandidate == null ? Set.of() : oldCandidate.regressions();
                for (String caseId : candidate.regressions()) {
                    if (!oldRegressions.contains(caseId)
                            && !seen.contains(suite.getKey() + "/" + candidate.name() + "/" + caseId)) {
                        changes.add(new Change(
                                suite.getKey(),
                                candidate.name(),
                                caseId,
                                false,
                                "now regresses against " + Objects.toString(candidate.baseline(), "the baseline")));
                    }
                }
                for (String caseId : oldRegressions) {
                    if (!candidate.regressions().contains(caseId)
                            && !seen.contains(suite.getKey() + "/" + candidate.name() + "/" + caseId)) {
                        changes.add(
                                new Change(suite.getKey(), candidate.name(), caseId, true, "no longer a regression"));
                    }
                }
            }
        }
        return changes;
    }

    /** One case whose outcome changed on one variant. */
    record Change(String suite, String variant, String caseId, boolean nowPasses, String note) {
        String describe() {
            String what = note != null ? note : nowPasses ? "failed before, passes now" : "passed before, fails now";
            return suite + " › " + caseId + " [" + variant + "]: " + what;
        }
    }

    private static Double rate(RunSummary.Variant variant) {
        if (variant.passRate() != null) {
            return variant.passRate();
        }
        if (variant.cases().isEmpty()) {
            return null;
        }
        return variant.cases().values().stream().filter(b -> b).count()
                / (double) variant.cases().size();
    }

    private static String percent(Double rate) {
        return rate == null ? "-" : String.format("%.1f%%", 100 * rate);
    }

    private static String verdict(Boolean promoted) {
        return promoted == null ? "-" : promoted ? "PROMOTE" : "REJECT";
    }

    private static String colourDelta(Ansi ansi, int col, String text) {
        String word = text.strip();
        if (col != 4 || word.isEmpty() || word.startsWith("+0.0") || word.startsWith("-0.0")) {
            return text;
        }
        return ansi.string("@|" + (word.startsWith("+") ? "green" : "red") + " " + word + "|@")
                + text.substring(word.length());
    }
}
