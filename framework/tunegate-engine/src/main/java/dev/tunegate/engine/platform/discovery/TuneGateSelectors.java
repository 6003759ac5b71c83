package dev.tunegate.engine.platform.discovery;

import java.net.URI;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;

/** The engine's own discovery selectors: a suite (optionally at a line), a case, a variant test. */
final class TuneGateSelectors {

    private TuneGateSelectors() {}

    /** A suite file; with a line, only the case written at (or around) that line. */
    record SuiteSelector(URI suite, Optional<Integer> line) implements DiscoverySelector {}

    /** One case of a suite, with all its variants. */
    record CaseSelector(URI suite, String caseId) implements DiscoverySelector {}

    /** The gate test of a suite for one candidate. */
    record GateSelector(URI suite, String candidate) implements DiscoverySelector {}

    /** One variant test of a case. */
    record VariantSelector(URI suite, String caseId, String variant) implements DiscoverySelector {}
}
