package dev.tunegate.engine.model.gate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One case of a suite with the outcome of every variant that ran it.
 *
 * @param id        case id, unique in the suite
 * @param tags      the case's tags
 * @param byVariant outcome per variant name; a variant that did not run the case is absent
 */
@API(status = API.Status.INTERNAL)
public record CaseOutcome(String id, List<String> tags, Map<String, VariantOutcome> byVariant) {

    public CaseOutcome {
        tags = List.copyOf(tags);
        byVariant = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byVariant));
    }

    /** The outcome of a variant on this case, if it ran. */
    public Optional<VariantOutcome> of(String variant) {
        return Optional.ofNullable(byVariant.get(variant));
    }
}
