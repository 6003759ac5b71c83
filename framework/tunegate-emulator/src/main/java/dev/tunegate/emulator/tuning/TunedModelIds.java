package dev.tunegate.emulator.tuning;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Tuned-model ids: the spec's rule ({@code [a-z]([a-z0-9-]{0,38}[a-z0-9])?}, at most 40 characters) and
 * generated ids. A generated id is the display name's words, lower-cased and joined with hyphens, plus a
 * hyphen and a random 5-character suffix ({@code Sentence Translator -> sentence-translator-u3b7m}); without
 * a usable display name it is 11 random characters starting with a letter ({@code az2mb0bpw6i}).
 */
final class TunedModelIds {

    static final Pattern VALID = Pattern.compile("[a-z]([a-z0-9-]{0,38}[a-z0-9])?");
    static final int MAX_LENGTH = 40;
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String ALPHANUMERICS = LETTERS + "0123456789";
    private static final int SUFFIX_LENGTH = 5;

    private TunedModelIds() {}

    static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    static String generate(String displayName, RandomGenerator random) {
        String stem = stem(displayName);
        if (stem.isEmpty()) {
            return LETTERS.charAt(random.nextInt(LETTERS.length())) + randomChars(10, random);
        }
        return stem + '-' + randomChars(SUFFIX_LENGTH, random);
    }

    /** The display-name part of a generated id: words joined with hyphens, cut to leave room for a suffix. */
    static String stem(String displayName) {
        if (displayName == null) {
            return "";
        }
        List<String> words = TextFeatures.words(displayName).stream()
                .map(w -> w.replaceAll("[^a-z0-9]", ""))
                .filter(w -> !w.isEmpty())
                .toList();
        String stem = String.join("-", words);
        int max = MAX_LENGTH - SUFFIX_LENGTH - 1;
        if (stem.length() > max) {
            stem = stem.substring(0, max);
        }
        stem = stem.replaceAll("-+$", "");
        int firstLetter = 0;
        while (firstLetter < stem.length() && !Character.isLetter(stem.charAt(firstLetter))) {
            firstLetter++;
        }
        return stem.substring(firstLetter).replaceAll("^-+", "");
    }

    private static String randomChars(int count, RandomGenerator random) {
        StringBuilder sb = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            sb.append(ALPHANUMERICS.charAt(random.nextInt(ALPHANUMERICS.length())));
        }
        return sb.toString();
    }
}
