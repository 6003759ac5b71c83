package dev.tunegate.engine.results.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reports of two fixture runs are exactly the files in {@code golden/}, which were written by the
 * reports as they were before they were streamed (summary.json from a Jackson tree, compare.html from
 * one in-memory page model). A deliberate change to a report regenerates its golden file.
 */
class ReportGoldenTest {

    @TempDir
    Path reports;

    @ParameterizedTest
    @CsvSource({
        "gated, summary.json", "gated, summary.md", "gated, compare.html",
        "two, summary.json", "two, summary.md", "two, compare.html",
        "checkpoints, summary.json", "checkpoints, summary.md", "checkpoints, compare.html"
    })
    void reportIsTheGoldenFile(String fixture, String file) throws IOException {
        RunResult run = switch (fixture) {
            case "gated" -> ReportFixtures.improvesMostButRegressesCritical();
            case "two" -> ReportFixtures.twoSuitesOneStrictWithoutCommit();
            default -> ReportFixtures.checkpointSweep();
        };
        ReportWriter writer = new ReportWriter(reports, Map.of());
        writer.write(run);
        assertThat(Files.readString(writer.directory().resolve(file))).isEqualTo(golden(fixture + "-" + file));
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = ReportGoldenTest.class.getResourceAsStream("golden/" + name)) {
            assertThat(in).as("golden/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
