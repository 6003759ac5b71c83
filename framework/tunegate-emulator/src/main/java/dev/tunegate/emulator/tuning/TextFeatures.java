package dev.tunegate.emulator.tuning;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns text into the sparse features the tuned-model learner works on: lower-cased word unigrams,
 * word bigrams and character trigrams inside words (with word-boundary marks), so that paraphrases
 * that share words or word stems share features.
 */
final class TextFeatures {

    /** Weight of one character trigram relative to a whole word. */
    static final double TRIGRAM_WEIGHT = 0.35;

    private TextFeatures() {}

    /** Raw term frequencies (already weighted by feature kind) of {@code text}. */
    static Map<String, Double> termFrequencies(String text) {
        List<String> words = words(text);
        Map<String, Double> tf = new HashMap<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            tf.merge("w:" + word, 1.0, Double::sum);
            if (i > 0) {
                tf.merge("b:" + words.get(i - 1) + '_' + word, 1.0, Double::sum);
            }
            String marked = '^' + word + '$';
            for (int j = 0; j + 3 <= marked.length(); j++) {
                tf.merge("c:" + marked.substring(j, j + 3), TRIGRAM_WEIGHT, Double::sum);
            }
        }
        return tf;
    }

    /** Lower-cased words of {@code text}: runs of letters and digits, after Unicode normalisation. */
    static List<String> words(String text) {
        String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        normalised.codePoints().forEach(cp -> {
            if (Character.isLetterOrDigit(cp)) {
                current.appendCodePoint(cp);
            } else if (current.length() > 0) {
                words.add(current.toString());
                current.setLength(0);
            }
        });
        if (current.length() > 0) {
            words.add(current.toString());
        }
        return words;
    }
}
