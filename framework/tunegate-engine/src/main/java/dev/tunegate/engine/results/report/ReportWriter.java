package dev.tunegate.engine.results.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Writes TuneGate's own reports for a run into {@code <reports>/tunegate/}: {@code summary.json},
 * {@code summary.md} and {@code compare.html}; appends {@code summary.md} to the file named by
 * {@code $GITHUB_STEP_SUMMARY} when that variable is set.
 */
@API(status = API.Status.INTERNAL)
public final class ReportWriter {

    /** Environment variable GitHub Actions sets to the step summary file. */
    public static final String STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY";

    private final Path directory;
    private final Map<String, String> environment;

    /** Writes under {@code reportsDir/tunegate}, reading CI variables from {@code environment}. */
    public ReportWriter(Path reportsDir, Map<String, String> environment) {
        this.directory = reportsDir.resolve("tunegate");
        this.environment = Map.copyOf(environment);
    }

    /** The directory the reports go to. */
    public Path directory() {
        return directory;
    }

    /** Writes all three reports (replacing earlier ones) and appends the step summary. */
    public void write(RunResult run) {
        try {
            Files.createDirectories(directory);
            String markdown = SummaryMarkdown.render(run);
            try (Writer out = Files.newBufferedWriter(directory.resolve("summary.json"), StandardCharsets.UTF_8)) {
                SummaryJson.write(run, out);
            }
            Files.writeString(directory.resolve("summary.md"), markdown, StandardCharsets.UTF_8);
            try (Writer out = Files.newBufferedWriter(directory.resolve("compare.html"), StandardCharsets.UTF_8)) {
                CompareHtml.write(run, out);
            }
            String stepSummary = environment.get(STEP_SUMMARY_ENV);
            if (stepSummary != null && !stepSummary.isBlank()) {
                Files.writeString(
                        Path.of(stepSummary),
                        markdown + "\n",
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write TuneGate reports to " + directory + ": " + e.getMessage(), e);
        }
    }
}
