package dev.tunegate.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Reads {@code summary.json} and refuses one that cannot be trusted: missing, unreadable, older than the build
 * (the run did not write it, so it is a previous run's verdict) or from a run that did not finish.
 */
final class SummaryReader {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SummaryReader() {}

    /**
     * @param file      summary.json
     * @param notBefore the build's start: a summary last written before it is stale (null: no check)
     */
    static Summary read(Path file, Instant notBefore) throws MojoExecutionException {
        if (!Files.isRegularFile(file)) {
            throw new MojoExecutionException("TuneGate: no verdict, " + file
                    + " does not exist. The suites did not run or did not finish (see the test output above),"
                    + " or tunegate.reports.dir points elsewhere than this goal's summary parameter.");
        }
        Summary summary;
        try {
            if (notBefore != null && Files.getLastModifiedTime(file).toInstant().isBefore(notBefore)) {
                throw new MojoExecutionException("TuneGate: no verdict, " + file + " was written at "
                        + Files.getLastModifiedTime(file) + ", before this build started (" + notBefore
                        + "): it is an earlier run's verdict. This run did not finish or wrote its reports elsewhere.");
            }
            summary = JSON.readValue(file.toFile(), Summary.class);
        } catch (JsonProcessingException e) {
            throw new MojoExecutionException(
                    "TuneGate: no verdict, " + file + " is not a TuneGate summary: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("TuneGate: no verdict, cannot read " + file + ": " + e.getMessage(), e);
        }
        if (summary == null || summary.passed() == null) {
            throw new MojoExecutionException("TuneGate: no verdict, " + file + " has no \"passed\" field.");
        }
        if (summary.finishedAt() == null || Boolean.FALSE.equals(summary.complete())) {
            throw new MojoExecutionException("TuneGate: no verdict, " + file + " records run '" + summary.runId()
                    + "' that did not finish; a run that could not finish is never reported as passed.");
        }
        return summary;
    }
}
