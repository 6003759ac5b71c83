package dev.tunegate.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Resource-name normalisation and URL building. */
class ResourceNamesTest {

    @Test
    void modelNames() {
        assertThat(ResourceNames.model("gemini-2.0-flash")).isEqualTo("models/gemini-2.0-flash");
        assertThat(ResourceNames.model("models/gemini-2.0-flash")).isEqualTo("models/gemini-2.0-flash");
        assertThat(ResourceNames.model("tunedModels/x")).isEqualTo("tunedModels/x");
        assertThat(ResourceNames.tunedModel("x")).isEqualTo("tunedModels/x");
        assertThat(ResourceNames.operation("tunedModels/x/operations/1")).isEqualTo("tunedModels/x/operations/1");
    }

    @Test
    void badNamesAreRejectedWithTheName() {
        assertThatThrownBy(() -> ResourceNames.model("models/../secrets"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("models/../secrets");
        assertThatThrownBy(() -> ResourceNames.model("foo/bar")).hasMessageContaining("foo/bar");
        assertThatThrownBy(() -> ResourceNames.model(" ")).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> ResourceNames.model("models/x:streamGenerateContent"))
                .hasMessageContaining("invalid segment");
        assertThatThrownBy(() -> ResourceNames.tunedModel("models/x")).hasMessageContaining("tunedModels/{id}");
        assertThatThrownBy(() -> ResourceNames.operation("tunedModels/x")).hasMessageContaining("operations");
    }

    @Test
    void urlsKeepTheCustomMethodColon() {
        HttpUrl base = HttpUrl.get("http://127.0.0.1:1234");
        assertThat(ResourceNames.url(base, "models/gemini-2.0-flash", "generateContent")
                        .build()
                        .toString())
                .isEqualTo("http://127.0.0.1:1234/v1beta/models/gemini-2.0-flash:generateContent");
        assertThat(ResourceNames.url(HttpUrl.get("http://127.0.0.1:1234/"), "tunedModels", null)
                        .build()
                        .toString())
                .isEqualTo("http://127.0.0.1:1234/v1beta/tunedModels");
    }
}
