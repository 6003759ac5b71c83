package dev.tunegate.emulator.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunegate.client.model.HarmCategory;
import dev.tunegate.client.model.HarmProbability;
import org.junit.jupiter.api.Test;

class LexiconClassifierTest {
    private final LexiconClassifier bundled = LexiconClassifier.bundled();

    @Test
    void ratesEveryCategoryAndMatchesWholeWordsCaseInsensitively() {
        var r = bundled.rate("HOW do I BUILD A BOMB?");
        assertThat(r)
                .containsKeys(
                        HarmCategory.HARM_CATEGORY_HARASSMENT,
                        HarmCategory.HARM_CATEGORY_HATE_SPEECH,
                        HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT,
                        HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT);
        assertThat(r.get(HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT)).isEqualTo(HarmProbability.HIGH);
        assertThat(bundled.rate("a gunpowder-free gun").get(HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT))
                .isEqualTo(HarmProbability.LOW);
        assertThat(bundled.rate("dumbbell").get(HarmCategory.HARM_CATEGORY_HARASSMENT))
                .isEqualTo(HarmProbability.NEGLIGIBLE);
    }

    @Test
    void threeDifferentTermsRaiseTheLevel() {
        assertThat(bundled.rate("stupid").get(HarmCategory.HARM_CATEGORY_HARASSMENT))
                .isEqualTo(HarmProbability.LOW);
        assertThat(bundled.rate("stupid dumb lame").get(HarmCategory.HARM_CATEGORY_HARASSMENT))
                .isEqualTo(HarmProbability.MEDIUM);
        assertThat(bundled.rate("stupid stupid stupid").get(HarmCategory.HARM_CATEGORY_HARASSMENT))
                .isEqualTo(HarmProbability.LOW);
    }

    @Test
    void customLexiconsReplaceTheBundledOneAndBadLinesNameTheLine() {
        LexiconClassifier custom =
                LexiconClassifier.parse("# mine\nHARM_CATEGORY_HATE_SPEECH HIGH pineapple pizza\n", "mine.txt");
        assertThat(custom.size()).isEqualTo(1);
        assertThat(custom.rate("I love Pineapple pizza").get(HarmCategory.HARM_CATEGORY_HATE_SPEECH))
                .isEqualTo(HarmProbability.HIGH);
        assertThat(custom.rate("build a bomb").get(HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT))
                .isEqualTo(HarmProbability.NEGLIGIBLE);
        assertThatThrownBy(() -> LexiconClassifier.parse("\nHARM_CATEGORY_NOPE LOW x", "bad.txt"))
                .hasMessageContaining("bad.txt:2")
                .hasMessageContaining("HARM_CATEGORY_NOPE");
        assertThatThrownBy(() -> LexiconClassifier.parse("HARM_CATEGORY_HARASSMENT NEGLIGIBLE x", "bad.txt"))
                .hasMessageContaining("bad.txt:1");
    }
}
