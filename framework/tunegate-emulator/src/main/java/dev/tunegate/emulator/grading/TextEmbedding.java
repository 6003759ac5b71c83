package dev.tunegate.emulator.grading;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The emulator's embedding of a text, served by {@code embedContent} and {@code batchEmbedContents}:
 * every lower-cased word (weight 1) and every character trigram of each word padded with spaces (weight
 * 0.5) is hashed (FNV-1a, 32 bit) to one of {@code dimensions} buckets, with a sign from another bit of
 * the hash; the vector is then L2-normalised (the zero vector for a text without words). Paraphrases
 * sharing words and word stems are close under cosine similarity; unrelated texts are near 0. The same
 * text always gives the same vector.
 */
@API(status = API.Status.INTERNAL)
public final class TextEmbedding {
    /** Dimensions when the request does not ask for {@code outputDimensionality}. */
    public static final int DEFAULT_DIMENSIONS = 768;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private TextEmbedding() {}

    /** The embedding of {@code text} with {@code dimensions} values. */
    public static double[] embed(String text, int dimensions) {
        double[] v = new double[dimensions];
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String word = m.group();
            add(v, "w:" + word, 1.0);
            String padded = " " + word + " ";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                add(v, "t:" + padded.substring(i, i + 3), 0.5);
            }
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
        }
        return v;
    }

    private static void add(double[] v, String feature, double weight) {
        int h = fnv(feature);
        int bucket = Math.floorMod(h, v.length);
        v[bucket] += ((h >>> 31) == 0 ? 1 : -1) * weight;
    }

    private static int fnv(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }
}
