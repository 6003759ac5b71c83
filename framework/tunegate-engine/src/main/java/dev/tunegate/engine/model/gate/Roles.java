package dev.tunegate.engine.model.gate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The role of every variant of one suite, in declaration order.
 *
 * @param byVariant  role per variant name (declaration order)
 * @param baseline   the baseline variant, empty when the suite has a single variant
 * @param candidates the candidate variants, in declaration order
 * @param gated      true when the suite has a gate block (gate mode), false in strict mode
 */
@API(status = API.Status.INTERNAL)
public record Roles(Map<String, Role> byVariant, Optional<String> baseline, List<String> candidates, boolean gated) {

    public Roles {
        byVariant = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byVariant));
        candidates = List.copyOf(candidates);
    }

    /** The role of a variant. */
    public Role of(String variant) {
        Role role = byVariant.get(variant);
        if (role == null) {
            throw new IllegalArgumentException("unknown variant '" + variant + "'");
        }
        return role;
    }
}
