package dev.tunegate.emulator.tokenizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;
import org.apiguardian.api.API;

/**
 * The emulator's one tokenizer, used for {@code usageMetadata}, {@code maxOutputTokens} and stream
 * chunking (and by the tuning side for its loss). Tokens are slices of the text whose concatenation is
 * the text itself:
 * <ul>
 *   <li>a run of whitespace is glued to the token that follows it (trailing whitespace is one token);</li>
 *   <li>a run of letters is one token per started {@value #MAX_LETTERS} letters;</li>
 *   <li>a run of digits is one token per started {@value #MAX_DIGITS} digits;</li>
 *   <li>every other code point (punctuation, symbols, emoji) is a token of its own.</li>
 * </ul>
 * English text averages about 1.3 tokens per word, close to real Gemini counts.
 *
 * <p>Besides tokens, three parts of the emulator split text into lower-cased <em>words</em>, through
 * {@link #featureWords}, {@link #keywords} and {@link #lexiconWords}. They share one splitting loop but
 * keep three rules, because making the rules one would change answers the emulator gives:
 * <ul>
 *   <li>{@link #featureWords} (tuned models' features and generated ids): NFKC-normalised, then runs of
 *       letters and decimal digits. A different rule would change what a tuned model learns, so the
 *       learned answers of models already tuned (and kept in a data directory) would change.</li>
 *   <li>{@link #keywords} (function choice, JSON-mode enum choice): runs of letters and of any Unicode
 *       number ({@code \p{N}}: also {@code ²}, {@code Ⅻ}), not normalised, as the regular expression
 *       {@code [^\p{L}\p{N}]+} these callers split on before.</li>
 *   <li>{@link #lexiconWords} (safety classifier): apostrophes stay inside words ({@code don't}, with
 *       {@code ’} read as {@code '}), each UTF-16 char is judged alone (so a letter outside the Basic
 *       Multilingual Plane separates words) and lexicon terms may end in {@code *}; the bundled lexicon
 *       is written for this rule.</li>
 * </ul>
 * Not merged, on purpose: {@code BaseBehaviour}'s sentiment check looks for a word between two plain
 * spaces after replacing non-letters, so a word next to a tab or line break does not count; and the
 * behaviours that split a user's text on white space ({@code "how many words"}, sorting, title case, one
 * word answers) keep the user's own spelling and punctuation, which word rules drop.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Tokenizer {
    /** Longest letter run kept in one token. */
    public static final int MAX_LETTERS = 8;
    /** Longest digit run kept in one token. */
    public static final int MAX_DIGITS = 3;

    private static final Tokenizer INSTANCE = new Tokenizer();

    private Tokenizer() {}

    /** The shared tokenizer (stateless, thread-safe). */
    public static Tokenizer get() {
        return INSTANCE;
    }

    /** Number of tokens in {@code text}; 0 for null or empty text. */
    public int count(CharSequence text) {
        if (text == null) {
            return 0;
        }
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            i = endOfToken(text, i);
            n++;
        }
        return n;
    }

    /** The tokens of {@code text}, in order; {@code String.join("", tokens)} equals the text. */
    public List<String> tokenize(CharSequence text) {
        List<String> tokens = new ArrayList<>();
        if (text == null) {
            return tokens;
        }
        int i = 0;
        int len = text.length();
        while (i < len) {
            int end = endOfToken(text, i);
            tokens.add(text.subSequence(i, end).toString());
            i = end;
        }
        return tokens;
    }

    /** The longest prefix of {@code text} holding at most {@code maxTokens} tokens. */
    public String truncate(String text, int maxTokens) {
        int i = 0;
        int n = 0;
        int len = text.length();
        while (i < len && n < maxTokens) {
            i = endOfToken(text, i);
            n++;
        }
        return text.substring(0, i);
    }

    /**
     * Words for tuned models' features: the text (null is empty) NFKC-normalised and lower-cased, split
     * into maximal runs of letters and decimal digits.
     */
    @API(status = API.Status.INTERNAL)
    public List<String> featureWords(String text) {
        String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT);
        return words(normalised, Character::isLetterOrDigit, IntUnaryOperator.identity());
    }

    /**
     * Words for matching a request against names and descriptions: the text lower-cased, split into
     * maximal runs of letters and Unicode numbers (categories {@code L} and {@code N}).
     */
    @API(status = API.Status.INTERNAL)
    public List<String> keywords(String text) {
        return words(text.toLowerCase(Locale.ROOT), Tokenizer::isLetterOrNumber, IntUnaryOperator.identity());
    }

    /**
     * Words for the safety lexicon: maximal runs of UTF-16 chars that are letters, digits or apostrophes
     * ({@code ’} becomes {@code '}), each lower-cased on its own; with {@code allowStar}, {@code *} too.
     */
    @API(status = API.Status.INTERNAL)
    public List<String> lexiconWords(String text, boolean allowStar) {
        return words(
                text,
                cp -> Character.isBmpCodePoint(cp)
                        && (Character.isLetterOrDigit(cp) || cp == '\'' || cp == '\u2019' || allowStar && cp == '*'),
                cp -> cp == '\u2019' ? '\'' : Character.toLowerCase((char) cp));
    }

    /** Maximal runs of code points accepted by {@code inWord}, each code point mapped by {@code fold}. */
    private static List<String> words(String text, IntPredicate inWord, IntUnaryOperator fold) {
        List<String> words = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int len = text.length();
        while (i < len) {
            int cp = text.codePointAt(i);
            if (inWord.test(cp)) {
                current.appendCodePoint(fold.applyAsInt(cp));
            } else if (current.length() > 0) {
                words.add(current.toString());
                current.setLength(0);
            }
            i += Character.charCount(cp);
        }
        if (current.length() > 0) {
            words.add(current.toString());
        }
        return words;
    }

    private static boolean isLetterOrNumber(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static int endOfToken(CharSequence s, int start) {
        int len = s.length();
        int i = start;
        while (i < len && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i == len) {
            return len;
        }
        int cp = Character.codePointAt(s, i);
        if (Character.isLetter(cp)) {
            int letters = 0;
            while (i < len && letters < MAX_LETTERS) {
                cp = Character.codePointAt(s, i);
                if (!Character.isLetter(cp)) {
                    break;
                }
                i += Character.charCount(cp);
                letters++;
            }
            return i;
        }
        if (Character.isDigit(cp)) {
            int digits = 0;
            while (i < len && digits < MAX_DIGITS && Character.isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
            return i;
        }
        return i + Character.charCount(cp);
    }
}
