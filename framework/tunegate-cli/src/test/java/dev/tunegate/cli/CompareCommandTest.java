package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final String OLD = resource("old.json");
    private static final String NEW = resource("new.json");

    @Test
    void reportsNewRegressionsFixesDeltasAndVerdicts() {
        Cli.Result result = Cli.run("compare", OLD, NEW);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("Comparing run-old (old) with run-new (new)")
                .containsPattern("support-intents\\s+v2\\s+100\\.0%\\s+50\\.0%\\s+-50\\.0 pp")
                .containsPattern("support-intents\\s+v1\\s+50\\.0%\\s+100\\.0%\\s+\\+50\\.0 pp")
                .containsPattern("support-intents\\s+v2\\s+v1\\s+PROMOTE\\s+REJECT\\s+0 → 1")
                .contains("New regressions (1)")
                .contains("support-intents › cancel [v2]: passed before, fails now")
                .contains("Fixes (1)")
                .contains("support-intents › refund [v1]: failed before, passes now")
                .contains("Suite only in new run: general");
        assertThat(result.out()).doesNotContain("\u001B[");
    }

    @Test
    void fixturesFollowThePublishedSummarySchema() throws Exception {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = CompareCommandTest.class.getResourceAsStream("/tunegate-summary.schema.json")) {
            assertThat(in).as("summary schema from the engine").isNotNull();
            Schema schema = registry.getSchema(json.readTree(in));
            for (String file : List.of(OLD, NEW)) {
                assertThat(schema.validate(json.readTree(Path.of(file).toFile())))
                        .as(file)
                        .isEmpty();
            }
        }
    }

    @Test
    void failOnRegressionExitsWithOne() {
        assertThat(Cli.run("compare", "--fail-on-regression", OLD, NEW).exitCode())
                .isEqualTo(ExitCodes.FAILED);
        assertThat(Cli.run("compare", "--fail-on-regression", NEW, OLD).exitCode())
                .as("going back fixes the regression and regresses v1")
                .isEqualTo(ExitCodes.FAILED);
        assertThat(Cli.run("compare", "--fail-on-regression", OLD, OLD).exitCode())
                .isZero();
        assertThat(Cli.run("compare", NEW, OLD).out())
                .as("verdicts read in both directions")
                .containsPattern("support-intents\\s+v2\\s+v1\\s+REJECT\\s+PROMOTE");
    }

    @Test
    void sameRunHasNoChanges() {
        Cli.Result result = Cli.run("compare", NEW, NEW);
        assertThat(result.out())
                .contains("New regressions (0)", "Fixes (0)")
                .containsPattern("v2\\s+50\\.0%\\s+50\\.0%\\s+\\+0\\.0 pp");
    }

    @Test
    void gateRegressionsWithoutCaseDataStillCount(@TempDir Path dir) throws IOException {
        Path a = Files.writeString(
                dir.resolve("a.json"),
                "{\"suites\":[{\"name\":\"s\",\"candidates\":[{\"candidate\":\"v2\",\"baseline\":\"v1\",\"verdict\":\"passed\",\"regressions\":[]}]}]}");
        Path b = Files.writeString(
                dir.resolve("b.json"),
                "{\"suites\":[{\"name\":\"s\",\"candidates\":[{\"candidate\":\"v2\",\"baseline\":\"v1\",\"verdict\":\"failed\",\"regressions\":[\"c1\"]}]}]}");
        Cli.Result result = Cli.run("compare", a.toString(), b.toString());
        assertThat(result.out())
                .contains("New regressions (1)", "s › c1 [v2]: now regresses against v1")
                .containsPattern("s\\s+v2\\s+v1\\s+PROMOTE\\s+REJECT");
        Path c = Files.writeString(dir.resolve("c.json"), "{\"suites\":[{\"name\":\"s\",\"candidates\":[]}]}");
        assertThat(Cli.run("compare", a.toString(), c.toString()).out())
                .containsPattern("s\\s+v2\\s+v1\\s+PROMOTE\\s+-\\s+0 → -");
    }

    @Test
    void missingOrForeignFilesAreUsageErrors(@TempDir Path dir) throws IOException {
        Cli.Result missing = Cli.run("compare", dir.resolve("nope.json").toString(), NEW);
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("Cannot read").contains("nope.json");

        Path foreign = Files.writeString(dir.resolve("package.json"), "{\"name\":\"x\"}");
        Cli.Result notSummary = Cli.run("compare", foreign.toString(), NEW);
        assertThat(notSummary.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(notSummary.err()).contains("is not a TuneGate summary.json");

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"suites\": [");
        assertThat(Cli.run("compare", broken.toString(), NEW).exitCode()).isEqualTo(ExitCodes.USAGE);

        assertThat(Cli.run("compare", NEW).exitCode()).as("one file only").isEqualTo(ExitCodes.USAGE);
        Cli.Result noDir = Cli.run("compare", "--against", dir.resolve("nope").toString(), NEW);
        assertThat(noDir.exitCode()).as(noDir.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(noDir.err()).contains("--against needs a recordings directory");
        assertThat(Cli.run("compare", "--against", dir.toString(), "--fail-on-regression", NEW)
                        .exitCode())
                .as("the gates decide with --against")
                .isEqualTo(ExitCodes.USAGE);
    }

    static String resource(String name) {
        try {
            return Paths.get(CompareCommandTest.class
                            .getResource("/summaries/" + name)
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
