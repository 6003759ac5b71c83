package dev.tunegate.emulator.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTest {
    private final Tokenizer t = Tokenizer.get();

    @Test
    void tokensConcatenateToTheText() {
        String text = "Hello, world!  Extraordinarily 1234567 émigrés\n\t🙂 done. ";
        assertThat(String.join("", t.tokenize(text))).isEqualTo(text);
        assertThat(t.count(text)).isEqualTo(t.tokenize(text).size());
    }

    @Test
    void splitsWordsNumbersAndPunctuation() {
        assertThat(t.tokenize("Hello, world!")).containsExactly("Hello", ",", " world", "!");
        assertThat(t.tokenize("Extraordinarily")).containsExactly("Extraord", "inarily");
        assertThat(t.tokenize("1234567")).containsExactly("123", "456", "7");
        assertThat(t.count("")).isZero();
        assertThat(t.count(null)).isZero();
    }

    @Test
    void truncateKeepsWholeTokens() {
        assertThat(t.truncate("one two three four", 2)).isEqualTo("one two");
        assertThat(t.truncate("short", 10)).isEqualTo("short");
    }

    @Test
    void featureWordsAreNormalisedLettersAndDigits() {
        assertThat(t.featureWords("Ｆｉｌｅ ﬁle, Don't x² 42!")).containsExactly("file", "file", "don", "t", "x2", "42");
        assertThat(t.featureWords(null)).isEmpty();
    }

    @Test
    void keywordsKeepEveryUnicodeNumberAndAreNotNormalised() {
        assertThat(t.keywords("Ｆｉｌｅ x² Ⅻ, Don't")).containsExactly("ｆｉｌｅ", "x²", "ⅻ", "don", "t");
    }

    @Test
    void lexiconWordsKeepApostrophesAndSplitOnCharsOutsideTheBmp() {
        assertThat(t.lexiconWords("Don\u2019t KILL* a\ud835\udc00b", false)).containsExactly("don't", "kill", "a", "b");
        assertThat(t.lexiconWords("kill* them", true)).containsExactly("kill*", "them");
    }
}
