package dev.tunegate.engine.results.allure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.engine.results.report.VariantInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Writes {@code allurerc.mjs}, the Allure 3 configuration of a run: each variant is an environment
 * (matched by the {@code variant} label of every result), so that the report has one tree per variant,
 * an environment switch for the counts, and on each test the same case on every variant side by side;
 * the tree is suite &rarr; case; TuneGate's failure categories; and the history file next to the report,
 * not inside it (generating the report replaces its folder).
 *
 * <p>Paths in the file are relative to the file itself, so the report is generated the same way from any
 * working directory: {@code npx allure generate --config reports/allurerc.mjs}.
 */
@API(status = API.Status.INTERNAL)
public final class Allure3Config {

    /** The file name Allure 3 looks for. */
    public static final String FILE = "allurerc.mjs";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Allure3Config() {}

    /**
     * Writes {@code <reportsDir>/allurerc.mjs} for a run whose results are in {@code resultsDir} and whose
     * suites declared {@code variants} (in order; a variant declared by several suites is one environment,
     * named with its role when that role is the same in all of them).
     */
    public static Path write(Path reportsDir, Path resultsDir, List<VariantInfo> variants) {
        Path file = reportsDir.resolve(FILE);
        try {
            Files.createDirectories(reportsDir);
            Files.writeString(file, render(reportsDir, resultsDir, variants), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String render(Path reportsDir, Path resultsDir, List<VariantInfo> variants) {
        Map<String, Set<String>> roles = new LinkedHashMap<>();
        for (VariantInfo v : variants) {
            roles.computeIfAbsent(v.name(), n -> new LinkedHashSet<>())
                    .add(v.role().yamlName());
        }
        StringBuilder environments = new StringBuilder();
        Set<String> ids = new LinkedHashSet<>();
        roles.forEach((name, rolesOf) -> environments
                .append("    ")
                .append(js(environmentId(name, ids)))
                .append(": { name: ")
                .append(js(
                        rolesOf.size() == 1 ? name + " · " + rolesOf.iterator().next() : name))
                .append(", matcher: variant(")
                .append(js(name))
                .append(") },\n"));
        return """
                // Written by TuneGate for each run (do not edit: the next run replaces it).
                // The Allure 3 report of the run, one environment per variant:
                //   npx allure generate --config %s
                import { dirname, join } from "node:path";
                import { fileURLToPath } from "node:url";

                const here = dirname(fileURLToPath(import.meta.url));
                const variant = (name) => ({ labels }) =>
                  labels.some((label) => label.name === %s && label.value === name);

                export default {
                  name: "TuneGate",
                  resultsDir: join(here, %s),
                  output: join(here, "allure-report"),
                  // outside the report folder, which each generation replaces
                  historyPath: join(here, "allure-history.jsonl"),
                  environments: {
                %s  },
                  categories: { rules: %s },
                  plugins: {
                    awesome: { options: { reportName: "TuneGate", groupBy: ["suite"] } },
                  },
                };
                """.formatted(
                        FILE,
                        js(AllureResultBuilder.VARIANT_LABEL),
                        js(relative(reportsDir, resultsDir)),
                        environments,
                        categories());
    }

    /**
     * The environment's id: Allure 3 refuses ids with other characters than latin letters, digits, {@code _} and
     * {@code -}, and a checkpoint variant is named {@code cand@3}; the environment's name and matcher keep the
     * variant's own name. Ids already taken get a numbered suffix, so two variants never share an environment.
     */
    static String environmentId(String variant, Set<String> taken) {
        String base = variant.replaceAll("[^A-Za-z0-9_-]", "_");
        String id = base;
        for (int i = 2; !taken.add(id); i++) {
            id = base + "_" + i;
        }
        return id;
    }

    /** {@code resultsDir} relative to {@code reportsDir} with forward slashes, or absolute when not below it. */
    private static String relative(Path reportsDir, Path resultsDir) {
        Path from = reportsDir.toAbsolutePath().normalize();
        Path to = resultsDir.toAbsolutePath().normalize();
        Path path = to.startsWith(from) ? from.relativize(to) : to;
        return path.toString().replace('\\', '/');
    }

    /** TuneGate's categories (the same file Allure 2 reads from the results), as a JavaScript array. */
    private static String categories() {
        try (InputStream in = Allure3Config.class.getResourceAsStream("categories.json")) {
            JsonNode rules = JSON.readTree(in);
            return JSON.writeValueAsString(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TuneGate's Allure categories: " + e.getMessage(), e);
        }
    }

    /** A JavaScript string literal (a JSON string is one). */
    private static String js(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
