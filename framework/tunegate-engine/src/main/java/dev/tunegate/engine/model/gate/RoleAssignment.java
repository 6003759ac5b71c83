package dev.tunegate.engine.model.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Assigns candidate, baseline and reference roles as DESIGN.md defines them.
 *
 * <ul>
 *   <li>Gate mode: the gate's {@code candidate}(s) and {@code baseline} (after pipeline overrides)
 *       take those roles and every other variant is a reference. Unnamed parts fall back to the
 *       strict-mode rules below.</li>
 *   <li>Strict mode: a single variant is the candidate. With two or more, the baseline is the variant
 *       declaring {@code role: baseline}, else the one named {@code base}, else the first; the rest
 *       are candidates.</li>
 *   <li>{@code role:} on a variant overrides these defaults; it may not contradict a name the gate
 *       (or an override) gives explicitly.</li>
 * </ul>
 */
@API(status = API.Status.INTERNAL)
public final class RoleAssignment {

    private RoleAssignment() {}

    /** Assigns roles; throws {@link IllegalArgumentException} naming the problem on contradictions. */
    public static Roles assign(List<VariantDeclaration> variants, GatePolicy policy) {
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("a suite needs at least one model variant");
        }
        List<String> names = variants.stream().map(VariantDeclaration::name).toList();
        for (String named : policy.candidates()) {
            requireKnown(named, names, "gate.candidate");
        }
        if (policy.baseline() != null) {
            requireKnown(policy.baseline(), names, "gate.baseline");
            if (policy.candidates().contains(policy.baseline())) {
                throw new IllegalArgumentException(
                        "variant '" + policy.baseline() + "' cannot be both gate.candidate and gate.baseline");
            }
        }
        String baseline = chooseBaseline(variants, policy);
        Map<String, Role> roles = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        for (VariantDeclaration v : variants) {
            Role role = roleOf(v, baseline, policy);
            roles.put(v.name(), role);
            if (role == Role.CANDIDATE) {
                candidates.add(v.name());
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate variant: name one with gate.candidate or role: candidate");
        }
        return new Roles(roles, Optional.ofNullable(baseline), candidates, !policy.strict());
    }

    private static String chooseBaseline(List<VariantDeclaration> variants, GatePolicy policy) {
        if (policy.baseline() != null) {
            VariantDeclaration named = find(variants, policy.baseline());
            if (named.declaredRole() != null && named.declaredRole() != Role.BASELINE) {
                throw new IllegalArgumentException("variant '" + named.name() + "' declares role: "
                        + named.declaredRole().yamlName() + " but the gate names it as baseline");
            }
            return policy.baseline();
        }
        List<VariantDeclaration> declared =
                variants.stream().filter(v -> v.declaredRole() == Role.BASELINE).toList();
        if (declared.size() > 1) {
            throw new IllegalArgumentException("more than one variant declares role: baseline: "
                    + declared.stream().map(VariantDeclaration::name).toList());
        }
        if (declared.size() == 1) {
            return declared.get(0).name();
        }
        List<VariantDeclaration> eligible = variants.stream()
                .filter(v -> v.declaredRole() == null && !policy.candidates().contains(v.name()))
                .toList();
        if (variants.size() == 1 || eligible.isEmpty()) {
            return null;
        }
        return eligible.stream()
                .filter(v -> v.name().equals("base"))
                .findFirst()
                .orElse(eligible.get(0))
                .name();
    }

    private static Role roleOf(VariantDeclaration v, String baseline, GatePolicy policy) {
        if (v.name().equals(baseline)) {
            return Role.BASELINE;
        }
        if (policy.candidates().contains(v.name())) {
            if (v.declaredRole() != null && v.declaredRole() != Role.CANDIDATE) {
                throw new IllegalArgumentException("variant '" + v.name() + "' declares role: "
                        + v.declaredRole().yamlName() + " but the gate names it as candidate");
            }
            return Role.CANDIDATE;
        }
        if (v.declaredRole() == Role.BASELINE) {
            throw new IllegalArgumentException(
                    "variant '" + v.name() + "' declares role: baseline but the gate's baseline is '" + baseline + "'");
        }
        if (v.declaredRole() != null) {
            return v.declaredRole();
        }
        return policy.candidates().isEmpty() ? Role.CANDIDATE : Role.REFERENCE;
    }

    private static VariantDeclaration find(List<VariantDeclaration> variants, String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }

    private static void requireKnown(String name, List<String> names, String field) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException(
                    field + " names unknown variant '" + name + "' (variants: " + String.join(", ", names) + ")");
        }
    }
}
