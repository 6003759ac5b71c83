package dev.tunegate.emulator.behaviour;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a system instruction asks of the answers: a persona ("You are a cat. Your name is Neko."),
 * and output style (upper case, lower case, one word, brief).
 */
record Persona(String noun, String name, String sound, boolean upper, boolean lower, boolean oneWord, boolean brief) {
    private static final Pattern NOUN = Pattern.compile("\\byou are (?:a|an) ([a-z][a-z-]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME =
            Pattern.compile("\\byour name is ([\\p{L}][\\p{L}'-]*)", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> SOUNDS = Map.of(
            "cat", "Meow!", "dog", "Woof!", "pirate", "Ahoy!", "cow", "Moo!", "kitten", "Mew!", "puppy", "Woof!",
            "duck", "Quack!");

    static Persona of(String system) {
        if (system == null || system.isBlank()) {
            return new Persona(null, null, null, false, false, false, false);
        }
        String s = system.toLowerCase(Locale.ROOT);
        Matcher n = NOUN.matcher(system);
        String noun = n.find() ? n.group(1).toLowerCase(Locale.ROOT) : null;
        Matcher nm = NAME.matcher(system);
        String name = nm.find() ? nm.group(1) : null;
        return new Persona(
                noun,
                name,
                noun == null ? null : SOUNDS.get(noun),
                s.contains("upper case")
                        || s.contains("uppercase")
                        || s.contains("capital letters")
                        || s.contains("all caps"),
                s.contains("lower case") || s.contains("lowercase"),
                s.contains("one word") || s.contains("single word"),
                s.contains("brief") || s.contains("concise") || s.contains("one sentence"));
    }

    /** Applies the persona's sound and the style rules to an answer. */
    String style(String answer) {
        String out = answer;
        if (oneWord) {
            String[] words = out.strip().split("\\s+");
            out = words.length == 0 ? out : words[words.length == 1 ? 0 : pickWord(words)].replaceAll("[.,!?;:]+$", "");
        } else if (brief) {
            int end = firstSentenceEnd(out);
            if (end > 0) {
                out = out.substring(0, end);
            }
        }
        if (sound != null && !out.startsWith(sound) && !oneWord) {
            out = sound + " " + out;
        }
        if (upper) {
            out = out.toUpperCase(Locale.ROOT);
        } else if (lower) {
            out = out.toLowerCase(Locale.ROOT);
        }
        return out;
    }

    private static int pickWord(String[] words) {
        // prefer the word after "is" (e.g. "The capital of France is Paris." -> Paris)
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equalsIgnoreCase("is") || words[i].equals("=")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int firstSentenceEnd(String s) {
        for (int i = 0; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(s.charAt(i + 1))) {
                return i + 1;
            }
        }
        return -1;
    }
}
