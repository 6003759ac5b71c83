package dev.tunegate.emulator.safety;

import dev.tunegate.client.model.HarmCategory;
import dev.tunegate.client.model.HarmProbability;
import dev.tunegate.emulator.tokenizer.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A word-list safety classifier. Each lexicon line is {@code CATEGORY LEVEL term}: a harm category
 * (e.g. {@code HARM_CATEGORY_HARASSMENT}), a level ({@code LOW}, {@code MEDIUM} or {@code HIGH}) and a
 * term of one or more words; a word ending in {@code *} matches any word starting with it. Matching is
 * case-insensitive and on whole words. A category's probability is the highest level among its matched
 * terms, raised one level when three or more different terms of the category match; no match is
 * {@code NEGLIGIBLE}. Blank lines and lines starting with {@code #} are ignored.
 */
@API(status = API.Status.INTERNAL)
public final class LexiconClassifier implements SafetyClassifier {
    /** The bundled lexicon resource. */
    public static final String DEFAULT_RESOURCE = "/dev/tunegate/emulator/safety-lexicon.txt";

    private static final List<HarmCategory> RATED = List.of(
            HarmCategory.HARM_CATEGORY_HARASSMENT,
            HarmCategory.HARM_CATEGORY_HATE_SPEECH,
            HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT,
            HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT,
            HarmCategory.HARM_CATEGORY_CIVIC_INTEGRITY);

    private record Entry(int id, HarmCategory category, HarmProbability level, String[] words) {}

    private final Map<String, List<Entry>> byFirstWord = new HashMap<>();
    private final List<Entry> prefixFirstWord = new ArrayList<>();
    private final int entryCount;

    private LexiconClassifier(List<Entry> entries) {
        for (Entry e : entries) {
            String first = e.words()[0];
            if (first.endsWith("*")) {
                prefixFirstWord.add(e);
            } else {
                byFirstWord.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
            }
        }
        this.entryCount = entries.size();
    }

    /** The classifier with the bundled lexicon (documented in the module README). */
    public static LexiconClassifier bundled() {
        try (InputStream in = LexiconClassifier.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A classifier reading the lexicon file at {@code path}. */
    public static LexiconClassifier fromFile(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read safety lexicon " + path, e);
        }
    }

    /**
     * Parses lexicon text; {@code source} names it in error messages.
     *
     * @throws IllegalArgumentException naming source and line for a malformed line
     */
    public static LexiconClassifier parse(String text, String source) {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] fields = trimmed.split("\\s+", 3);
                if (fields.length < 3) {
                    throw new IllegalArgumentException(
                            source + ":" + lineNo + ": expected 'CATEGORY LEVEL term', got '" + trimmed + "'");
                }
                HarmCategory category = enumValue(HarmCategory.class, fields[0], source, lineNo);
                HarmProbability level = enumValue(HarmProbability.class, fields[1], source, lineNo);
                if (level.compareTo(HarmProbability.LOW) < 0 || level == HarmProbability.UNRECOGNIZED) {
                    throw new IllegalArgumentException(
                            source + ":" + lineNo + ": level must be LOW, MEDIUM or HIGH, got " + fields[1]);
                }
                List<String> words = words(fields[2], true);
                if (words.isEmpty()) {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": empty term");
                }
                entries.add(new Entry(entries.size(), category, level, words.toArray(String[]::new)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LexiconClassifier(entries);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, String source, int line) {
        try {
            E value = Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
            if (value.name().equals("UNRECOGNIZED")) {
                throw new IllegalArgumentException();
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    source + ":" + line + ": unknown " + type.getSimpleName() + " '" + name + "'", e);
        }
    }

    /** Number of lexicon entries. */
    public int size() {
        return entryCount;
    }

    @Override
    public List<HarmCategory> categories() {
        return RATED;
    }

    @Override
    public Map<HarmCategory, HarmProbability> rate(String text) {
        Map<HarmCategory, HarmProbability> levels = new EnumMap<>(HarmCategory.class);
        Map<HarmCategory, Integer> distinct = new EnumMap<>(HarmCategory.class);
        List<String> words = words(text == null ? "" : text, false);
        java.util.BitSet seen = new java.util.BitSet(entryCount);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            List<Entry> exact = byFirstWord.get(word);
            if (exact != null) {
                for (Entry e : exact) {
                    match(e, words, i, levels, distinct, seen);
                }
            }
            for (Entry e : prefixFirstWord) {
                match(e, words, i, levels, distinct, seen);
            }
        }
        Map<HarmCategory, HarmProbability> result = new EnumMap<>(HarmCategory.class);
        for (HarmCategory c : RATED) {
            HarmProbability level = levels.getOrDefault(c, HarmProbability.NEGLIGIBLE);
            if (distinct.getOrDefault(c, 0) >= 3 && level.compareTo(HarmProbability.HIGH) < 0) {
                level = HarmProbability.values()[level.ordinal() + 1];
            }
            result.put(c, level);
        }
        return Collections.unmodifiableMap(result);
    }

    private static void match(
            Entry e,
            List<String> words,
            int at,
            Map<HarmCategory, HarmProbability> levels,
            Map<HarmCategory, Integer> distinct,
            java.util.BitSet seen) {
        String[] term = e.words();
        if (at + term.length > words.size()) {
            return;
        }
        for (int k = 0; k < term.length; k++) {
            if (!wordMatches(term[k], words.get(at + k))) {
                return;
            }
        }
        HarmProbability old = levels.get(e.category());
        if (old == null || e.level().compareTo(old) > 0) {
            levels.put(e.category(), e.level());
        }
        if (!seen.get(e.id())) {
            seen.set(e.id());
            distinct.merge(e.category(), 1, Integer::sum);
        }
    }

    private static boolean wordMatches(String termWord, String word) {
        if (termWord.endsWith("*")) {
            return word.startsWith(termWord.substring(0, termWord.length() - 1));
        }
        return termWord.equals(word);
    }

    /** Lower-cased words: runs of letters, digits and apostrophes (and '*' inside lexicon terms). */
    static List<String> words(String text, boolean allowStar) {
        return Tokenizer.get().lexiconWords(text, allowStar);
    }
}
