package dev.tunegate.engine.model.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatePolicyReaderTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    static GatePolicy read(String yaml) throws Exception {
        return GatePolicyReader.read(YAML.readTree(yaml).get("gate"));
    }

    @Test
    void readsTheDesignExample() throws Exception {
        GatePolicy policy = read("""
                gate:
                  candidate: tuned
                  baseline: base
                  minPassRate: 0.90
                  mustPass: [critical]
                  maxRegressions: 0
                  nonInferiority: {margin: 0.05, confidence: 0.95}
                """);
        assertThat(policy.candidates()).containsExactly("tuned");
        assertThat(policy.baseline()).isEqualTo("base");
        assertThat(policy.minPassRate()).isEqualTo(0.90);
        assertThat(policy.mustPass()).containsExactly("critical");
        assertThat(policy.maxRegressions()).isEqualTo(new GatePolicy.RegressionLimit(0, Map.of()));
        assertThat(policy.nonInferiority()).isEqualTo(new GatePolicy.NonInferiority(0.05, 0.95));
        assertThat(policy.strict()).isFalse();
        assertThat(policy.enforces(List.of("critical", "x"))).isTrue();
        assertThat(policy.enforces(List.of("x"))).isFalse();
    }

    @Test
    void readsRegressionLimitsPerTagAndCandidateLists() throws Exception {
        GatePolicy policy = read("""
                gate:
                  candidate: [v2, v3]
                  maxRegressions: {total: 2, byTag: {critical: 0}}
                  minImprovement: 0.02
                  nonInferiority: {margin: 0.1}
                  confidence: 0.9
                """);
        assertThat(policy.candidates()).containsExactly("v2", "v3");
        assertThat(policy.baseline()).isNull();
        assertThat(policy.maxRegressions()).isEqualTo(new GatePolicy.RegressionLimit(2, Map.of("critical", 0)));
        assertThat(policy.minImprovement()).isEqualTo(0.02);
        assertThat(policy.nonInferiority().confidence()).isEqualTo(0.9);
        assertThat(policy.confidence()).isEqualTo(0.9);
    }

    @Test
    void missingGateIsStrictMode() {
        GatePolicy policy = GatePolicyReader.read(null);
        assertThat(policy.strict()).isTrue();
        assertThat(policy.enforces(List.of())).isTrue();
    }

    @Test
    void overridesReplaceCandidateAndBaseline() throws Exception {
        GatePolicy policy = read("gate: {candidate: tuned, baseline: base, minPassRate: 0.5}")
                .withOverrides(List.of("fresh"), "tuned");
        assertThat(policy.candidates()).containsExactly("fresh");
        assertThat(policy.baseline()).isEqualTo("tuned");
        assertThat(policy.minPassRate()).isEqualTo(0.5);
        assertThat(policy.withOverrides(null, " ").baseline()).isEqualTo("tuned");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "gate: {minPassRate: 1.5}                           | gate.minPassRate must be in [0, 1], was 1.5",
                "gate: {minPassRate: high}                          | gate.minPassRate must be a number",
                "gate: {maxRegressions: 1.5}                        | gate.maxRegressions must be a whole number",
                "gate: {maxRegressions: {byTag: {critical: -1}}}    | gate.maxRegressions.byTag.critical must not be negative",
                "gate: {maxRegressions: {perTag: {critical: 1}}}    | gate.maxRegressions.perTag is not allowed",
                "gate: {nonInferiority: 0.05}                       | gate.nonInferiority must be {margin",
                "gate: {nonInferiority: {margin: 2}}                | gate.nonInferiority.margin must be in [0, 1]",
                "gate: {minPassrate: 0.9}                           | gate.minPassrate is not a gate field",
                "gate: {mustPass: {critical: true}}                 | gate.mustPass must be a name or a list of names",
                "gate: [tuned]                                      | gate must be a mapping",
            })
    void rejectsBadFieldsNamingThem(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void readsFromAJsonTree() throws Exception {
        JsonNode node = YAML.readTree("{maxRegressions: {total: 1}}");
        assertThat(GatePolicyReader.read(node).maxRegressions().total()).isEqualTo(1);
    }
}
