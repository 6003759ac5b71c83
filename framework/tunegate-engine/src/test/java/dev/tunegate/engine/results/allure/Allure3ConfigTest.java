package dev.tunegate.engine.results.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.results.report.VariantInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Allure3ConfigTest {

    private static final List<VariantInfo> VARIANTS = List.of(
            new VariantInfo("base", "models/gemini-1.5-flash-001", Role.BASELINE, 0.0),
            new VariantInfo("v2", "tunedModels/t-v2", Role.CANDIDATE, 0.0),
            new VariantInfo("base", "models/gemini-1.5-flash-001", Role.BASELINE, 0.0),
            new VariantInfo("v1", "tunedModels/t-v1", Role.CANDIDATE, null),
            new VariantInfo("v1", "tunedModels/t-v1", Role.REFERENCE, null));

    @Test
    void makesEachVariantAnEnvironmentWithHistoryOutsideTheReport(@TempDir Path dir) throws Exception {
        Path file = Allure3Config.write(dir.resolve("reports"), dir.resolve("reports/allure-results"), VARIANTS);

        assertThat(file).hasFileName("allurerc.mjs");
        String config = Files.readString(file);
        assertThat(config)
                .contains("\"base\": { name: \"base · baseline\", matcher: variant(\"base\") }")
                .contains("\"v2\": { name: \"v2 · candidate\", matcher: variant(\"v2\") }")
                .as("a variant with two roles is named without one")
                .contains("\"v1\": { name: \"v1\", matcher: variant(\"v1\") }")
                .contains("label.name === \"variant\"")
                .contains("resultsDir: join(here, \"allure-results\")")
                .contains("output: join(here, \"allure-report\")")
                .contains("historyPath: join(here, \"allure-history.jsonl\")")
                .contains("\"Gate failed\"", "\"Regression\"")
                .contains("groupBy: [\"suite\"]");
        assertThat(config.indexOf("\"base\": {")).isLessThan(config.indexOf("\"v2\": {"));
        assertThat(config.split("matcher:", -1))
                .as("one environment per variant")
                .hasSize(4);
    }

    @Test
    void checkpointVariantsGetEnvironmentIdsAllure3Accepts(@TempDir Path dir) {
        String config = Allure3Config.render(
                dir.resolve("reports"),
                dir.resolve("reports/allure-results"),
                List.of(
                        new VariantInfo("cand@3", "projects/p/locations/l/endpoints/3", Role.CANDIDATE, 0.0),
                        new VariantInfo("cand_3", "models/other", Role.CANDIDATE, 0.0)));
        // Allure 3: "id must contain only latin letters, digits, underscores, and hyphens"
        assertThat(config)
                .contains("\"cand_3\": { name: \"cand@3 · candidate\", matcher: variant(\"cand@3\") }")
                .as("an id already taken gets a suffix, so each variant keeps its own environment")
                .contains("\"cand_3_2\": { name: \"cand_3 · candidate\", matcher: variant(\"cand_3\") }");
    }

    @Test
    void resultsOutsideTheReportsFolderAreNamedAbsolutely(@TempDir Path dir) {
        String config = Allure3Config.render(dir.resolve("reports"), dir.resolve("elsewhere/results"), VARIANTS);
        assertThat(config)
                .contains("resultsDir: join(here, \""
                        + dir.resolve("elsewhere/results")
                                .toAbsolutePath()
                                .toString()
                                .replace('\\', '/')
                        + "\")");
    }

    /** Loads the written file with Node (where installed) and asks each environment which results it takes. */
    @Test
    void nodeLoadsTheConfigAndMatchesResultsByTheirVariantLabel(@TempDir Path dir) throws Exception {
        assumeTrue(nodeAvailable(), "node is not installed");
        Path file = Allure3Config.write(dir, dir.resolve("allure-results"), VARIANTS);
        String script = """
                const config = (await import(process.argv[1])).default;
                const labels = [{ name: "suite", value: "support" }, { name: "variant", value: "v2" }];
                const taken = Object.entries(config.environments)
                  .filter(([, env]) => env.matcher({ labels })).map(([id]) => id);
                const categories = config.categories.rules.map((rule) => new RegExp(rule.messageRegex));
                console.log(taken.join(",") + "|" + categories.length + "|" + config.resultsDir);
                """;
        Process node = new ProcessBuilder(
                        "node",
                        "--input-type=module",
                        "-e",
                        script,
                        file.toUri().toString())
                .redirectErrorStream(true)
                .start();
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(node.exitValue()).as(out).isZero();
        assertThat(out)
                .as("every category regex compiles in JavaScript; only v2 takes a v2 result")
                .isEqualTo("v2|10|" + dir.resolve("allure-results").toAbsolutePath());
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
