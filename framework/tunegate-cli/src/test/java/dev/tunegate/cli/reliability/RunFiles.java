package dev.tunegate.cli.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files a reliability run works with: generated suites and the {@code summary.json} a run wrote. */
final class RunFiles {
    private RunFiles() {}

    /**
     * Writes {@code <dir>/<name>.eval.yaml}: {@code cases} one-prompt cases on two variants (base,
     * next), each checking that the answer finished normally, so a case fails only when its call did.
     */
    static Path suite(Path dir, String name, int cases) throws IOException {
        StringBuilder yaml = new StringBuilder("suite: ")
                .append(name)
                .append("\nmodels:\n  base: models/gemini-2.0-flash\n  next: models/gemini-1.5-flash\ncases:\n");
        for (int i = 0; i < cases; i++) {
            yaml.append("  - id: c")
                    .append(i)
                    .append("\n    prompt: \"")
                    .append(name)
                    .append(": tell me about ")
                    .append(i)
                    .append("\"\n    expect: [{finishReason: [STOP, MAX_TOKENS]}]\n");
        }
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name + ".eval.yaml"), yaml);
    }

    /** What a finished run's {@code summary.json} says, added up over suites and variants. */
    record Outcome(String runId, boolean passed, int suites, int evaluated, int notPassed, int skipped, long retries) {

        /** Reads {@code <reports>/tunegate/summary.json}; fails when it is missing or not JSON. */
        static Outcome read(Path reports) throws IOException {
            JsonNode summary =
                    EmulatorProcess.JSON.readTree(summaryFile(reports).toFile());
            int evaluated = 0;
            int notPassed = 0;
            int skipped = 0;
            long retries = 0;
            for (JsonNode suite : summary.path("suites")) {
                for (JsonNode v : suite.path("variants")) {
                    JsonNode counts = v.path("counts");
                    int failed = counts.path("failed").asInt()
                            + counts.path("errors").asInt();
                    evaluated += counts.path("passed").asInt() + failed;
                    notPassed += failed;
                    skipped += counts.path("skipped").asInt();
                    retries += v.path("retries").asLong();
                }
            }
            return new Outcome(
                    summary.path("runId").asText(null),
                    summary.path("passed").asBoolean(false),
                    summary.path("suites").size(),
                    evaluated,
                    notPassed,
                    skipped,
                    retries);
        }
    }

    static Path summaryFile(Path reports) {
        return reports.resolve("tunegate").resolve("summary.json");
    }
}
