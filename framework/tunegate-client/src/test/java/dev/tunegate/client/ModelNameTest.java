package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunegate.client.ModelName.Kind;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every model name form a user may write, and what is not one. */
class ModelNameTest {

    @ParameterizedTest
    @CsvSource({
        "models/gemini-1.5-flash-001, GEMINI_MODEL, false",
        "gemini-2.0-flash, GEMINI_MODEL, false",
        "tunedModels/support-v2, GEMINI_TUNED_MODEL, false",
        "projects/demo/locations/us-central1/endpoints/123, VERTEX_ENDPOINT, true",
        "projects/demo/locations/global/publishers/google/models/gemini-2.5-flash, VERTEX_PUBLISHER_MODEL, true",
        "publishers/google/models/gemini-2.5-flash, VERTEX_PUBLISHER_MODEL, true",
        "projects/demo/locations/us-central1/models/77, VERTEX_TUNED_MODEL, true",
        "projects/demo/locations/us-central1/models/77@2, VERTEX_TUNED_MODEL, true"
    })
    void parsesEveryForm(String text, Kind kind, boolean vertex) {
        ModelName name = ModelName.parse(text);
        assertThat(name.kind()).isEqualTo(kind);
        assertThat(name.vertex()).isEqualTo(vertex);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "projects/demo/endpoints/1",
                "projects/demo/locations/us-central1/endpoints/",
                "publishers/anthropic/models/claude",
                "projects/p/locations/l/models/7@",
                "models/x:generateContent",
                "endpoints/123",
                "models/../x",
                "projects/p/locations/l/endpoints/1/extra"
            })
    void refusesWhatIsNoModelNameNamingTheForms(String text) {
        assertThatThrownBy(() -> ModelName.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a model name")
                .hasMessageContaining("projects/P/locations/L/endpoints/E");
    }

    @ParameterizedTest
    @CsvSource({
        "projects/dev-a/locations/us-central1/endpoints/123, projects/-/locations/us-central1/endpoints/123",
        "publishers/google/models/gemini-2.5-flash, publishers/google/models/gemini-2.5-flash",
        "models/gemini-1.5-flash-001, models/gemini-1.5-flash-001"
    })
    void thePortableNameLeavesTheProjectOut(String text, String portable) {
        assertThat(ModelName.parse(text).portableName()).isEqualTo(portable);
    }

    @ParameterizedTest
    @CsvSource({"projects/p/locations/l/models/77@3, 3", "projects/p/locations/l/models/77, ''"})
    void aTunedModelResourceKeepsItsVersion(String text, String version) {
        assertThat(ModelName.parse(text).version())
                .isEqualTo(Optional.of(version).filter(v -> !v.isEmpty()));
    }
}
