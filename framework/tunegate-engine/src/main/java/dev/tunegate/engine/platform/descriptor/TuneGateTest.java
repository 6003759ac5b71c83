package dev.tunegate.engine.platform.descriptor;

import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * What a test of this engine is, for a launcher listener (the CLI follows a run with it): read from
 * the test's unique id with the engine's own segment types ({@link TuneGateUniqueIds}), never from
 * display names or tags.
 *
 * @param suite   the suite's name (its display name in the plan)
 * @param caseId  the case id; null for a gate test
 * @param variant the variant a case test runs on, or the candidate a gate test judges
 * @param kind    a case &times; variant test or a gate test
 */
@API(status = API.Status.INTERNAL)
public record TuneGateTest(String suite, String caseId, String variant, Kind kind) {

    /** The two kinds of test the engine reports. */
    public enum Kind {
        /** One case on one variant. */
        CASE,
        /** A suite's gate for one candidate. */
        GATE
    }

    /** Describes {@code test} of {@code plan}; empty for containers and for tests of other engines. */
    public static Optional<TuneGateTest> describe(TestPlan plan, TestIdentifier test) {
        if (!test.isTest()) {
            return Optional.empty();
        }
        var parsed = TuneGateUniqueIds.parse(test.getUniqueIdObject());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String suite = TuneGateUniqueIds.suiteOf(test.getUniqueIdObject())
                .map(id -> plan.getTestIdentifier(id).getDisplayName())
                .orElseThrow();
        if (parsed.get().gate().isPresent()) {
            return Optional.of(new TuneGateTest(suite, null, parsed.get().gate().get(), Kind.GATE));
        }
        if (parsed.get().caseId().isPresent() && parsed.get().variant().isPresent()) {
            return Optional.of(new TuneGateTest(
                    suite, parsed.get().caseId().get(), parsed.get().variant().get(), Kind.CASE));
        }
        return Optional.empty();
    }
}
