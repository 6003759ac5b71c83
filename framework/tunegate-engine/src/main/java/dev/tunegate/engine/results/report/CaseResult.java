package dev.tunegate.engine.results.report;

import dev.tunegate.engine.model.gate.CaseOutcome;
import dev.tunegate.engine.model.gate.VariantOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * One case of a suite with every variant's result.
 *
 * @param id        case id
 * @param line      line of the case in its file (0 when unknown)
 * @param tags      the case's tags
 * @param prompt    the rendered prompt text (for the comparison report), or null
 * @param byVariant result per variant, in the suite's variant order
 * @param index     position of the case in its suite (0-based), or -1 when unknown
 */
@API(status = API.Status.INTERNAL)
public record CaseResult(
        String id, int line, List<String> tags, String prompt, Map<String, VariantResult> byVariant, int index) {

    public CaseResult {
        tags = List.copyOf(tags);
        byVariant = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byVariant));
    }

    /** A case whose position in its suite is not known. */
    public CaseResult(String id, int line, List<String> tags, String prompt, Map<String, VariantResult> byVariant) {
        this(id, line, tags, prompt, byVariant, -1);
    }

    /** The gate's view of this case (variants that did not run it are left out). */
    public CaseOutcome outcome() {
        Map<String, VariantOutcome> outcomes = new LinkedHashMap<>();
        byVariant.forEach((name, result) -> {
            VariantOutcome outcome = result.outcome();
            if (outcome != null) {
                outcomes.put(name, outcome);
            }
        });
        return new CaseOutcome(id, tags, outcomes);
    }
}
