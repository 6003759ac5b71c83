package dev.tunegate.emulator.behaviour;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.client.model.FunctionCall;
import dev.tunegate.client.model.FunctionCallingConfig;
import dev.tunegate.client.model.FunctionDeclaration;
import dev.tunegate.client.model.Schema;
import dev.tunegate.client.model.SchemaType;
import dev.tunegate.emulator.generation.Prompt;
import dev.tunegate.emulator.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether to call a declared function. Each content word of the last user message scores 2
 * when it matches a word of a function's name and 1 when it matches a word of its description (words
 * match when they share their first five letters). In AUTO mode the best function is called when it
 * scores at least 3; in ANY mode the best allowed function is always called; NONE never calls.
 * Arguments are filled from the message: enum values it mentions, the first number, colour names as
 * hex for {@code *hex*}/{@code *color*} parameters, quoted text for other strings.
 */
final class FunctionChooser {
    private static final Set<String> STOP = Set.of(
            "the", "a", "an", "please", "can", "you", "could", "would", "i", "me", "my", "to", "of", "and", "or", "is",
            "are", "it", "this", "that", "for", "on", "in", "with", "what", "do", "be", "must", "work");
    private static final Map<String, String> COLOURS = Map.of(
            "red", "ff0000", "green", "00ff00", "blue", "0000ff", "white", "ffffff", "black", "000000", "yellow",
            "ffff00", "purple", "800080", "orange", "ffa500", "pink", "ffc0cb");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern QUOTED = Pattern.compile("[\"“']([^\"”']+)[\"”']");

    private FunctionChooser() {}

    static FunctionCall choose(Prompt prompt) {
        if (prompt.functions().isEmpty() || prompt.functionMode() == FunctionCallingConfig.Mode.NONE) {
            return null;
        }
        List<dev.tunegate.emulator.generation.Turn> turns = prompt.turns();
        if (!turns.isEmpty() && turns.get(turns.size() - 1).text().startsWith("[functionResponse")) {
            return null; // the function already answered: reply in text
        }
        boolean any = prompt.functionMode() == FunctionCallingConfig.Mode.ANY;
        List<String> userWords = words(prompt.lastUserText());
        FunctionDeclaration best = null;
        int bestScore = -1;
        for (FunctionDeclaration f : prompt.functions()) {
            if (any
                    && !prompt.allowedFunctions().isEmpty()
                    && !prompt.allowedFunctions().contains(f.name())) {
                continue;
            }
            List<String> nameWords =
                    words(f.name().replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' '));
            List<String> descWords = words(f.description() == null ? "" : f.description());
            int score = 0;
            for (String w : new HashSet<>(userWords)) {
                if (nameWords.stream().anyMatch(n -> same(n, w))) {
                    score += 2;
                } else if (descWords.stream().anyMatch(d -> same(d, w))) {
                    score += 1;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = f;
            }
        }
        if (best == null || (!any && bestScore < 3)) {
            return null;
        }
        return FunctionCall.of(best.name(), arguments(best.parameters(), prompt.lastUserText()));
    }

    private static JsonNode arguments(Schema parameters, String text) {
        ObjectNode args = JsonNodeFactory.instance.objectNode();
        if (parameters == null || parameters.properties() == null) {
            return args;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Schema> p : parameters.properties().entrySet()) {
            String name = p.getKey();
            Schema s = p.getValue();
            SchemaType type = s.type() == null ? SchemaType.STRING : s.type();
            boolean required =
                    parameters.required() != null && parameters.required().contains(name);
            switch (type) {
                case NUMBER, INTEGER -> {
                    Matcher m = NUMBER.matcher(text);
                    if (m.find()) {
                        double v = Double.parseDouble(m.group());
                        if (type == SchemaType.INTEGER) {
                            args.put(name, Math.round(v));
                        } else {
                            args.put(name, v);
                        }
                    } else if (required) {
                        args.put(name, 0);
                    }
                }
                case BOOLEAN -> args.put(name, !(lower.contains(" off") || lower.contains(" not ")));
                case STRING -> {
                    String value = null;
                    if (s.enumValues() != null) {
                        for (String e : s.enumValues()) {
                            if (lower.contains(e.toLowerCase(Locale.ROOT))) {
                                value = e;
                                break;
                            }
                        }
                        if (value == null && required && !s.enumValues().isEmpty()) {
                            value = s.enumValues().get(0);
                        }
                    } else if (name.toLowerCase(Locale.ROOT).contains("hex")
                            || name.toLowerCase(Locale.ROOT).contains("colo")) {
                        for (Map.Entry<String, String> c : COLOURS.entrySet()) {
                            if (words(lower).contains(c.getKey())) {
                                value = c.getValue();
                            }
                        }
                    }
                    if (value == null) {
                        Matcher q = QUOTED.matcher(text);
                        if (q.find()) {
                            value = q.group(1);
                        } else if (required) {
                            value = text.strip();
                        }
                    }
                    if (value != null) {
                        args.put(name, value);
                    }
                }
                default -> {}
            }
        }
        return args;
    }

    private static boolean same(String a, String b) {
        if (a.length() < 4 || b.length() < 4) {
            return a.equals(b);
        }
        int n = Math.min(5, Math.min(a.length(), b.length()));
        return a.regionMatches(0, b, 0, n);
    }

    /** The content words of {@code text}: {@link Tokenizer#keywords} without stop words. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Tokenizer.get().keywords(text)) {
            if (!STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
