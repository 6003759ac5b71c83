package dev.tunegate.engine.comparison;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Configuration of comparison, gating and reporting (keys under {@code tunegate.}, documented in
 * {@link dev.tunegate.engine.Constants} and REPORTS.md).
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
 */
public record ComparisonSettings(Path reportsDir, Path allureResultsDir, boolean reportsEnabled, boolean allureEnabled,
                                 List<String> candidateOverride, Optional<String> baselineOverride,
                                 Map<String, String> modelOverrides, int detailedCases, boolean allureClean) {

    static final String MODEL_PREFIX = "model.";

    public ComparisonSettings {
        candidateOverride = List.copyOf(candidateOverride);
        modelOverrides = Map.copyOf(modelOverrides);
    }

    /** Defaults: reports under {@code reports/} of the project root (or working directory). */
    public static ComparisonSettings defaults(Optional<Path> projectRoot) {
        Path reports = projectRoot.orElse(Path.of("")).resolve("reports").toAbsolutePath().normalize();
        return new ComparisonSettings(reports, reports.resolve("allure-results"), true, true, List.of(),
                Optional.empty(), Map.of(), 2000, true);
    }

    /**
     * Reads the keys from parameters already stripped of the {@code tunegate.} prefix; bad values
     * are reported to {@code problems} and replaced by defaults. {@code model.<variant>} keys are
     * also read from system properties ({@code -Dtunegate.model.tuned=...}), which configuration
     * parameters fall back to but do not list.
     */
    public static ComparisonSettings read(ConfigurationParameters prefixed, Optional<Path> projectRoot,
                                          Consumer<String> problems) {
        ComparisonSettings d = defaults(projectRoot);
        Path base = projectRoot.orElse(Path.of(""));
        Path reports = string(prefixed, "reports.dir").map(v -> base.resolve(v).toAbsolutePath().normalize())
                .orElse(d.reportsDir());
        Path allure = string(prefixed, "allure.results.dir").map(v -> base.resolve(v).toAbsolutePath().normalize())
                .orElse(reports.resolve("allure-results"));
        boolean reportsOn = bool(prefixed, "reports.enabled", true, problems);
        boolean allureOn = bool(prefixed, "allure.enabled", true, problems);
        List<String> candidates = new ArrayList<>();
        string(prefixed, "gate.candidate").ifPresent(v -> {
            for (String name : v.split(",")) {
                if (!name.isBlank()) {
                    candidates.add(name.trim());
                }
            }
        });
        Optional<String> baseline = string(prefixed, "gate.baseline");
        Map<String, String> models = new TreeMap<>();
        // PrefixedConfigurationParameters.keySet() lists the delegate's full keys (tunegate.model.x).
        for (String key : prefixed.keySet()) {
            String relative = key.startsWith("tunegate.") ? key.substring("tunegate.".length()) : key;
            if (relative.startsWith(MODEL_PREFIX)) {
                string(prefixed, relative).ifPresent(v -> models.put(relative.substring(MODEL_PREFIX.length()), v));
            }
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("tunegate." + MODEL_PREFIX))
                .forEach(k -> models.putIfAbsent(k.substring(("tunegate." + MODEL_PREFIX).length()),
                        System.getProperty(k).trim()));
        models.forEach((variant, model) -> {
            if (variant.isBlank() || model.isBlank()) {
                problems.accept("tunegate.model." + variant + "='" + model + "' needs a variant name and a model name");
            }
        });
        models.entrySet().removeIf(e -> e.getKey().isBlank() || e.getValue().isBlank());
        int detailed = d.detailedCases();
        Optional<String> limit = string(prefixed, "reports.detailed-cases");
        if (limit.isPresent()) {
            try {
                detailed = Integer.parseInt(limit.get());
                if (detailed < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                problems.accept("tunegate.reports.detailed-cases='" + limit.get() + "' is not a whole number >= 0");
                detailed = d.detailedCases();
            }
        }
        boolean clean = bool(prefixed, "allure.clean", true, problems);
        return new ComparisonSettings(reports, allure, reportsOn, allureOn, candidates, baseline, models, detailed, clean);
    }

    /**
     * The value of {@code tunegate.<key>}, falling back to the system property of that name (the
     * launcher does this itself; EngineTestKit and other embedders may not).
     */
    private static Optional<String> string(ConfigurationParameters params, String key) {
        return params.get(key).or(() -> Optional.ofNullable(System.getProperty("tunegate." + key)))
                .map(String::trim).filter(v -> !v.isEmpty());
    }

    private static boolean bool(ConfigurationParameters params, String key, boolean fallback, Consumer<String> problems) {
        Optional<String> value = string(params, key);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get().equalsIgnoreCase("true") || value.get().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.get());
        }
        problems.accept("tunegate." + key + "='" + value.get() + "' is not true or false");
        return fallback;
    }
}
