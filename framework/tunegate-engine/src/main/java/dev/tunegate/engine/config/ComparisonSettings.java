package dev.tunegate.engine.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Configuration of comparison, gating and reporting (keys under {@code tunegate.}, documented in
 * {@code dev.tunegate.engine.Constants} and REPORTS.md), read by the engine's one reader.
 *
 * @param reportsDir         where reports go: {@code tunegate/} and {@code allure-results/} below it
 * @param allureResultsDir   where the engine writes Allure results (default {@code <reportsDir>/allure-results})
 * @param reportsEnabled     write {@code summary.json}, {@code summary.md}, {@code compare.html}
 * @param allureEnabled      write Allure results
 * @param candidateOverride  {@code tunegate.gate.candidate}: replaces every suite gate's candidates
 * @param baselineOverride   {@code tunegate.gate.baseline}: replaces every suite gate's baseline
 * @param modelOverrides     {@code tunegate.model.<variant>=<model>}: variant name to model
 * @param detailedCases      how many cases per run keep answers and matcher details for compare.html
 * @param allureClean        delete the previous run's files from {@code allureResultsDir} (keeping {@code history/})
 * @param shard              {@code tunegate.shard}: the one shard of the cases this run runs, or empty for all
 * @param prices             token prices for the cost in reports (the shipped table and {@code tunegate.prices})
 * @param variantModes       {@code tunegate.mode.<variant>}: record/replay mode per variant ({@code replay}: frozen)
 * @param frozenBaseline     {@code tunegate.gate.frozen-baseline}: every suite's gate baseline is answered only from
 *                           recordings ({@code tunegate compare --against})
 * @param checkpoints        {@code tunegate.checkpoints}: replaces the {@code checkpoints:} of every variant with a
 *                           Vertex AI tuning job
 */
@API(status = API.Status.INTERNAL)
public record ComparisonSettings(
        Path reportsDir,
        Path allureResultsDir,
        boolean reportsEnabled,
        boolean allureEnabled,
        List<String> candidateOverride,
        Optional<String> baselineOverride,
        Map<String, String> modelOverrides,
        int detailedCases,
        boolean allureClean,
        Optional<Shard> shard,
        PriceTable prices,
        Map<String, ReplayMode> variantModes,
        boolean frozenBaseline,
        Optional<CheckpointSelection> checkpoints) {

    public ComparisonSettings {
        variantModes = Map.copyOf(variantModes);
        candidateOverride = List.copyOf(candidateOverride);
        modelOverrides = Map.copyOf(modelOverrides);
    }

    /** Defaults: reports under {@code reports/} of the project root (or working directory). */
    public static ComparisonSettings defaults(Optional<Path> projectRoot) {
        Path reports = projectRoot
                .orElse(Path.of(""))
                .resolve("reports")
                .toAbsolutePath()
                .normalize();
        return new ComparisonSettings(
                reports,
                reports.resolve("allure-results"),
                true,
                true,
                List.of(),
                Optional.empty(),
                Map.of(),
                2000,
                true,
                Optional.empty(),
                PriceTable.load(Optional.empty()),
                Map.of(),
                false,
                Optional.empty());
    }
}
