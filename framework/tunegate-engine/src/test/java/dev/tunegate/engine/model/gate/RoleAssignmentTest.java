package dev.tunegate.engine.model.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleAssignmentTest {

    private static VariantDeclaration v(String name) {
        return new VariantDeclaration(name, null);
    }

    private static VariantDeclaration v(String name, Role role) {
        return new VariantDeclaration(name, role);
    }

    private static GatePolicy gate(List<String> candidates, String baseline) {
        return new GatePolicy(candidates, baseline, null, List.of(), null, null, null, 0.95, false);
    }

    @Test
    void strictSingleVariantIsTheCandidate() {
        Roles roles = RoleAssignment.assign(List.of(v("only")), GatePolicy.strictMode());
        assertThat(roles.byVariant()).containsExactly(Map.entry("only", Role.CANDIDATE));
        assertThat(roles.baseline()).isEmpty();
        assertThat(roles.gated()).isFalse();
    }

    @Test
    void strictBaselineIsNamedBaseElseFirst() {
        Roles named = RoleAssignment.assign(List.of(v("tuned"), v("base"), v("v3")), GatePolicy.strictMode());
        assertThat(named.baseline()).contains("base");
        assertThat(named.candidates()).containsExactly("tuned", "v3");

        Roles first = RoleAssignment.assign(List.of(v("old"), v("new")), GatePolicy.strictMode());
        assertThat(first.baseline()).contains("old");
        assertThat(first.candidates()).containsExactly("new");
    }

    @Test
    void declaredRolesOverrideDefaults() {
        Roles roles = RoleAssignment.assign(
                List.of(v("base"), v("prod", Role.BASELINE), v("tuned"), v("gpt", Role.REFERENCE)),
                GatePolicy.strictMode());
        assertThat(roles.byVariant())
                .containsExactly(
                        Map.entry("base", Role.CANDIDATE),
                        Map.entry("prod", Role.BASELINE),
                        Map.entry("tuned", Role.CANDIDATE),
                        Map.entry("gpt", Role.REFERENCE));
    }

    @Test
    void gateNamesCandidateAndBaselineOthersAreReferences() {
        Roles roles = RoleAssignment.assign(List.of(v("base"), v("tuned"), v("other")), gate(List.of("tuned"), "base"));
        assertThat(roles.byVariant())
                .containsExactly(
                        Map.entry("base", Role.BASELINE),
                        Map.entry("tuned", Role.CANDIDATE),
                        Map.entry("other", Role.REFERENCE));
        assertThat(roles.gated()).isTrue();
        assertThat(roles.of("other")).isEqualTo(Role.REFERENCE);
    }

    @Test
    void pipelineOverridesSwapTheGatesChoice() {
        GatePolicy policy = gate(List.of("tuned"), "base").withOverrides(List.of("fresh"), "tuned");
        Roles roles = RoleAssignment.assign(List.of(v("base"), v("tuned"), v("fresh")), policy);
        assertThat(roles.byVariant())
                .containsExactly(
                        Map.entry("base", Role.REFERENCE),
                        Map.entry("tuned", Role.BASELINE),
                        Map.entry("fresh", Role.CANDIDATE));
    }

    @Test
    void gateWithoutCandidateUsesDefaults() {
        Roles roles = RoleAssignment.assign(List.of(v("base"), v("a"), v("b")), gate(List.of(), null));
        assertThat(roles.baseline()).contains("base");
        assertThat(roles.candidates()).containsExactly("a", "b");
    }

    @Test
    void contradictionsAreErrorsNamingTheVariant() {
        assertThatThrownBy(() -> RoleAssignment.assign(List.of(v("base"), v("tuned")), gate(List.of("nope"), "base")))
                .hasMessage("gate.candidate names unknown variant 'nope' (variants: base, tuned)");
        assertThatThrownBy(() -> RoleAssignment.assign(List.of(v("base"), v("tuned")), gate(List.of("base"), "base")))
                .hasMessageContaining("cannot be both gate.candidate and gate.baseline");
        assertThatThrownBy(() -> RoleAssignment.assign(
                        List.of(v("base"), v("tuned", Role.REFERENCE)), gate(List.of("tuned"), "base")))
                .hasMessageContaining("variant 'tuned' declares role: reference but the gate names it as candidate");
        assertThatThrownBy(() -> RoleAssignment.assign(
                        List.of(v("a", Role.BASELINE), v("b", Role.BASELINE)), GatePolicy.strictMode()))
                .hasMessageContaining("more than one variant declares role: baseline");
        assertThatThrownBy(() -> RoleAssignment.assign(List.of(v("a", Role.REFERENCE)), GatePolicy.strictMode()))
                .hasMessageContaining("no candidate variant");
    }
}
