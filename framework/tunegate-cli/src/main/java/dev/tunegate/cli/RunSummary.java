package dev.tunegate.cli;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.results.summary.SummaryCodec;
import dev.tunegate.engine.results.summary.SummaryDocument;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a {@code reports/tunegate/summary.json} that {@code compare} needs, keyed by name.
 * The file is read through the engine's own {@link SummaryDocument} records (the types its writer
 * uses); fields this CLI does not know are ignored.
 */
record RunSummary(String label, Map<String, Suite> suites) {

    /** One suite: per variant pass rates and case outcomes, per candidate the gate result. */
    record Suite(String name, Map<String, Variant> variants, Map<String, Candidate> candidates) {}

    /** One variant's result in a suite; {@code cases} maps case id to passed (cases that failed or passed). */
    record Variant(String name, String model, Double passRate, Map<String, Boolean> cases) {}

    /** A candidate's comparison with its baseline and the gate verdict ({@code null} when unknown). */
    record Candidate(
            String name, String baseline, Boolean promoted, Set<String> regressions, Set<String> improvements) {}

    static RunSummary read(Path file) {
        SummaryDocument document;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = SummaryCodec.read(in);
        } catch (MismatchedInputException e) {
            throw new UserInputException(file + " is not a TuneGate summary.json (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new UserInputException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (document == null) {
            throw new UserInputException(file + " is not a TuneGate summary.json (expected a JSON object)");
        }
        Map<String, Suite> suites = new LinkedHashMap<>();
        for (SummaryDocument.Suite suite : document.suites()) {
            suites.put(suite.name(), suite(suite));
        }
        return new RunSummary(document.runId() == null ? file.toString() : document.runId(), suites);
    }

    private static Suite suite(SummaryDocument.Suite suite) {
        Map<String, Variant> variants = new LinkedHashMap<>();
        for (SummaryDocument.Variant v : suite.variants()) {
            variants.put(v.name(), new Variant(v.name(), v.model(), v.passRate(), new LinkedHashMap<>()));
        }
        for (SummaryDocument.Case c : suite.cases()) {
            c.variants().forEach((name, result) -> {
                Boolean passed = passed(result.status());
                if (passed != null) {
                    variants.computeIfAbsent(name, n -> new Variant(n, null, null, new LinkedHashMap<>()))
                            .cases()
                            .put(c.id(), passed);
                }
            });
        }
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (SummaryDocument.Candidate c : suite.candidates()) {
            candidates.putIfAbsent(
                    c.candidate(),
                    new Candidate(
                            c.candidate(),
                            c.baseline(),
                            passed(c.verdict()),
                            new LinkedHashSet<>(c.regressions()),
                            new LinkedHashSet<>(c.improvements())));
        }
        return new Suite(suite.name(), variants, candidates);
    }

    /** Passed or failed; null for errors, skips and unknown outcomes, which compare leaves out. */
    private static Boolean passed(Outcome outcome) {
        if (outcome == Outcome.PASSED) {
            return true;
        }
        return outcome == Outcome.FAILED ? false : null;
    }
}
