package dev.tunegate.cli;

import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.results.record.ShardMerge;
import dev.tunegate.engine.results.report.SuiteResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunegate merge DIR... --reports OUT}: one run's reports from the reports of its shards. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = {
            "Merge the reports of a sharded run (tunegate.shard=i/n) into the reports of one run.",
            "Every gate is judged again over the merged cases, so verdicts, counts, intervals and",
            "p-values equal those of an unsharded run; the shards' Allure results are merged too."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:merged, and every gate passed",
            "1:merged, and a gate failed",
            "2:an input is missing, is not a shard's summary.json, or the shards do not belong together"
        })
final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "DIR",
            description = "A shard's reports directory (with tunegate/summary.json and allure-results/),"
                    + " or its summary.json.")
    List<Path> inputs;

    @Option(
            names = "--reports",
            required = true,
            paramLabel = "OUT",
            description = "Where the merged reports go (tunegate/ and allure-results/ below it).")
    Path reports;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Ansi ansi = spec.commandLine().getColorScheme().ansi();
        long start = System.nanoTime();
        ShardMerge.Merged merged;
        try {
            merged = ShardMerge.merge(inputs, reports, System.getenv());
        } catch (ShardMerge.MergeException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        out.println("Merged " + inputs.size() + " reports (shards " + String.join(", ", merged.shards()) + ") in "
                + millis + " ms");
        if (!merged.missing().isEmpty()) {
            out.println(ansi.string("@|red Missing shards: " + String.join(", ", merged.missing())
                    + "; their cases are not judged, so the merged run is incomplete (exit 2)|@"));
        }
        TextTable table = new TextTable("SUITE", "CANDIDATE", "BASELINE", "CASES", "VERDICT");
        for (SuiteResult suite : merged.run().suites()) {
            for (GateVerdict v : suite.verdicts()) {
                table.row(
                        suite.name(),
                        v.candidate(),
                        v.baseline() == null ? "" : v.baseline(),
                        v.judgedCases() + "/" + v.suiteCases(),
                        v.passed() ? "PROMOTE" : "REJECT");
            }
        }
        out.print(table.render());
        out.println("Reports: " + reports.resolve("tunegate").resolve("summary.md"));
        if (merged.allure() > 0) {
            out.println("Allure results: " + reports.resolve("allure-results"));
        }
        out.flush();
        if (!merged.missing().isEmpty()) {
            return ExitCodes.USAGE; // an input is missing: the merged run is incomplete, whatever its gates say
        }
        return merged.run().passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
