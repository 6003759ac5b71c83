package dev.tunegate.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.TuningExample;
import dev.tunegate.engine.model.suite.SourcePosition;
import dev.tunegate.engine.model.suite.TuneSpec;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TuningFingerprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<TuningExample> DATA =
            List.of(TuningExample.of("refund please", "refund"), TuningExample.of("where is it", "shipping"));

    private static TuneSpec tune(String hyperparameters, String displayName) throws Exception {
        return new TuneSpec(
                "models/base-tuning",
                URI.create("classpath:/data.jsonl"),
                JSON.readTree(hyperparameters),
                Optional.ofNullable(displayName),
                Optional.empty(),
                SourcePosition.START);
    }

    @Test
    void theHashCoversDataAndSettingsButNotLabelsOrKeyOrder() throws Exception {
        String hash = TuningFingerprint.of(tune("{\"epochCount\": 5, \"batchSize\": 2}", null), DATA);
        assertThat(hash).hasSize(64);
        assertThat(TuningFingerprint.of(tune("{\"batchSize\": 2, \"epochCount\": 5}", "a label"), DATA))
                .isEqualTo(hash);
        assertThat(TuningFingerprint.of(tune("{\"epochCount\": 6, \"batchSize\": 2}", null), DATA))
                .isNotEqualTo(hash);
        assertThat(TuningFingerprint.of(tune("{\"epochCount\": 5, \"batchSize\": 2}", null), DATA.subList(0, 1)))
                .isNotEqualTo(hash);
    }

    @Test
    void theDescriptionKeepsTheUsersTextAndTheHashReadsBack() {
        String hash = "a".repeat(64);
        String description = TuningFingerprint.description(hash, Optional.of("Support intents v2"));
        assertThat(description).isEqualTo("tunegate:sha256=" + hash + " Support intents v2");
        assertThat(TuningFingerprint.in(description)).contains(hash);
        assertThat(TuningFingerprint.in("made by hand")).isEmpty();
        assertThat(TuningFingerprint.in(null)).isEmpty();
    }
}
