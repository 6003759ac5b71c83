package dev.tunegate.emulator.tuning;

import dev.tunegate.emulator.tokenizer.Tokenizer;
import java.util.HashMap;
import java.util.List;
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

    /** Lower-cased words of {@code text}: {@link Tokenizer#featureWords}. */
    static List<String> words(String text) {
        return Tokenizer.get().featureWords(text);
    }
}
