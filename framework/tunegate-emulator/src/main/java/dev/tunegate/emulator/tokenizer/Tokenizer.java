package dev.tunegate.emulator.tokenizer;

import java.util.ArrayList;
import java.util.List;

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
 */
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
