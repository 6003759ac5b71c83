package dev.tunegate.cli;

import dev.tunegate.engine.model.gate.GateCheck;
import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.results.summary.SummaryCodec;
import dev.tunegate.engine.results.summary.SummaryDocument;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules behind each gate verdict of a run, read from the {@code summary.json} it wrote, for the
 * gate rows of {@code tunegate run}: {@code vs base: minPassRate 0.500 (required >= 0.900);
 * maxRegressions 3 (required <= 0)}; and the checkpoint each checkpoint sweep recommends.
 */
final class GateRules {
    static final GateRules NONE = new GateRules(Map.of(), List.of());

    private final Map<String, String> details;
    private final List<String> recommendations;

    private GateRules(Map<String, String> details, List<String> recommendations) {
        this.details = details;
        this.recommendations = List.copyOf(recommendations);
    }

    /** The rules in {@code summary}; none when it cannot be read. */
    static GateRules read(Path summary) {
        SummaryDocument document;
        try (Reader in = Files.newBufferedReader(summary, StandardCharsets.UTF_8)) {
            document = SummaryCodec.read(in);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        if (document == null) {
            return NONE;
        }
        Map<String, String> details = new HashMap<>();
        List<String> recommendations = new ArrayList<>();
        for (SummaryDocument.Suite suite : document.suites()) {
            for (SummaryDocument.Candidate c : suite.candidates()) {
                details.putIfAbsent(key(suite.name(), c.candidate()), detail(c));
            }
            for (SummaryDocument.CheckpointSweep sweep : suite.checkpointSweeps()) {
                recommendations.add(recommendation(suite.name(), sweep));
            }
        }
        return new GateRules(details, recommendations);
    }

    /**
     * One line per checkpoint sweep: {@code support: recommend cand@2 (epoch 2, endpoint …)}, or {@code support: no
     * checkpoint of cand to recommend: …} with the reason.
     */
    List<String> recommendations() {
        return recommendations;
    }

    private static String recommendation(String suite, SummaryDocument.CheckpointSweep sweep) {
        SummaryDocument.Recommendation r = sweep.recommendation();
        return r == null
                ? suite + ": no checkpoint of " + sweep.variant() + " to recommend: " + sweep.noRecommendation()
                : suite + ": recommend " + r.variant() + " (epoch " + r.epoch() + ", endpoint " + r.endpoint() + ")";
    }

    /** What the gate row of {@code candidate} in {@code suite} says: the failed rules, or how many held. */
    Optional<String> detail(String suite, String candidate) {
        return Optional.ofNullable(details.get(key(suite, candidate)));
    }

    private static String detail(SummaryDocument.Candidate c) {
        String versus = c.baseline() == null ? "" : "vs " + c.baseline() + ": ";
        List<GateCheck> failed =
                c.checks().stream().filter(check -> !check.passed()).toList();
        if (c.verdict() == Outcome.PASSED || failed.isEmpty()) {
            if (c.verdict() != Outcome.PASSED) {
                return null; // failed for another reason: the verdict's own first line says which
            }
            return versus + c.checks().size() + (c.checks().size() == 1 ? " rule holds" : " rules hold");
        }
        return versus
                + failed.stream()
                        .map(check -> check.name() + " " + shortActual(check.actual()) + " (required "
                                + check.required() + ")")
                        .collect(Collectors.joining("; "));
    }

    /** {@code 0.714 (5/7, 95% CI …)} to {@code 0.714}: the table under "Failures" has the rest. */
    private static String shortActual(String actual) {
        int detail = actual.indexOf(" (");
        return detail < 0 ? actual : actual.substring(0, detail);
    }

    private static String key(String suite, String candidate) {
        return suite + "\u0000" + candidate;
    }
}
