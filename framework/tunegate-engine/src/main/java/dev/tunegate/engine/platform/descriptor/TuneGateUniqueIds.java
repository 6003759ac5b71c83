package dev.tunegate.engine.platform.descriptor;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.UniqueId;

/**
 * Segment types of the engine's unique ids:
 * {@code [engine:tunegate]/[suite:classpath:/suites/a.eval.yaml]/[case:refund]/[variant:tuned]}.
 * Case ids (not lines) are used, so editing a suite above a case keeps its id (and its history).
 */
@API(status = API.Status.INTERNAL)
public final class TuneGateUniqueIds {

    /** Segment type of a suite; the value is the suite's URI. */
    public static final String SUITE = "suite";
    /** Segment type of a case; the value is the case id. */
    public static final String CASE = "case";
    /** Segment type of a variant test; the value is the variant name. */
    public static final String VARIANT = "variant";
    /** Segment type of a suite's gate test; the value is the candidate variant's name. */
    public static final String GATE = "gate";

    private TuneGateUniqueIds() {}

    /** What a unique id of this engine names, read from the segments after its last engine segment. */
    public record Parsed(URI suite, Optional<String> caseId, Optional<String> variant, Optional<String> gate) {}

    /** Parses an id this engine produced (also when nested under the suite engine), or empty. */
    public static Optional<Parsed> parse(UniqueId id) {
        List<UniqueId.Segment> segments = id.getSegments();
        List<UniqueId.Segment> own = segments.subList(lastEngineSegment(segments) + 1, segments.size());
        if (own.isEmpty() || !SUITE.equals(own.get(0).getType())) {
            return Optional.empty();
        }
        URI suite;
        try {
            suite = URI.create(own.get(0).getValue());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<String> caseId = Optional.empty();
        Optional<String> variant = Optional.empty();
        if (own.size() > 1) {
            if (GATE.equals(own.get(1).getType())) {
                return Optional.of(new Parsed(
                        suite,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(own.get(1).getValue())));
            }
            if (!CASE.equals(own.get(1).getType())) {
                return Optional.of(new Parsed(suite, Optional.empty(), Optional.empty(), Optional.empty()));
            }
            caseId = Optional.of(own.get(1).getValue());
        }
        if (own.size() > 2 && VARIANT.equals(own.get(2).getType())) {
            variant = Optional.of(own.get(2).getValue());
        }
        return Optional.of(new Parsed(suite, caseId, variant, Optional.empty()));
    }

    /** The unique id of the suite an id of this engine lies in (the id itself for a suite), or empty. */
    public static Optional<UniqueId> suiteOf(UniqueId id) {
        List<UniqueId.Segment> segments = id.getSegments();
        int suite = lastEngineSegment(segments) + 1;
        if (suite >= segments.size() || !SUITE.equals(segments.get(suite).getType())) {
            return Optional.empty();
        }
        UniqueId result =
                UniqueId.root(segments.get(0).getType(), segments.get(0).getValue());
        for (UniqueId.Segment segment : segments.subList(1, suite + 1)) {
            result = result.append(segment);
        }
        return Optional.of(result);
    }

    private static int lastEngineSegment(List<UniqueId.Segment> segments) {
        int engine = -1;
        for (int i = 0; i < segments.size(); i++) {
            if ("engine".equals(segments.get(i).getType())) {
                engine = i;
            }
        }
        return engine;
    }
}
