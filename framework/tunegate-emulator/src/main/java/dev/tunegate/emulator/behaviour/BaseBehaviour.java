package dev.tunegate.emulator.behaviour;

import dev.tunegate.client.model.FunctionCall;
import dev.tunegate.emulator.generation.Answer;
import dev.tunegate.emulator.generation.Answerer;
import dev.tunegate.emulator.generation.Prompt;
import dev.tunegate.emulator.generation.Sampler;
import dev.tunegate.emulator.generation.Turn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * How the emulator's base models answer, from the request alone. Rules are tried in order and the
 * first that applies answers (see the module README for the full table): user behaviour files;
 * function calling; follow-ups to function responses; conversation memory ("my name is", "what did I
 * say"); repeat/echo; text transforms (upper/lower case, reverse, count words/letters, sort); arithmetic
 * and a legs-and-paws word problem; the bundled fact table; lists ("List 5 popular cookie recipes");
 * sentiment; a small translation table; greetings; stories, poems and jokes; attached media; and a polite
 * generic answer. The system instruction's persona ("You are a cat. Your name is Neko.") and style
 * (upper case, one word, brief) are applied to every built-in answer, not to scripted ones.
 */
@API(status = API.Status.INTERNAL)
public final class BaseBehaviour implements Answerer {
    private static final Pattern MY_NAME =
            Pattern.compile("\\bmy name is ([\\p{L}][\\p{L}'-]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASK_NAME = Pattern.compile("\\bwhat(?:'s| is) my name\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASK_YOUR_NAME =
            Pattern.compile("\\bwhat(?:'s| is) your name\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ASK_SAID =
            Pattern.compile("\\bwhat did i (?:just )?(?:say|ask|write)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEAT_N = Pattern.compile(
            "^\\s*repeat (?:the word )?[\"“']?([^\"”']+?)[\"”']? (\\d+|two|three|four|five) times\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ECHO = Pattern.compile(
            "^\\s*(?:please\\s+)?(?:repeat after me|repeat|echo|say)\\s*:?\\s*[\"“]?(.+?)[\"”]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern UPPER = caseChange("upper");
    private static final Pattern LOWER = caseChange("lower");
    private static final Pattern REVERSE = Pattern.compile(
            "^\\s*reverse(?: the (?:word|string|text))?\\s*:?\\s*[\"“]?(.+?)[\"”]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COUNT_WORDS = Pattern.compile(
            "how many words (?:are )?(?:there )?in\\s*:?\\s*[\"“]?(.+?)[\"”]?\\s*\\??$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COUNT_LETTER = Pattern.compile(
            "how many (?:times does (?:the letter )?)?[\"'“]?([a-z])[\"'”]?(?:'s|s)? (?:are |appear )?(?:there )?in (?:the word )?[\"“]?([\\p{L}]+)[\"”]?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SORT = Pattern.compile(
            "^\\s*sort(?: these| the following)?(?: words| numbers| items)?(?: alphabetically)?\\s*:\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LIST = Pattern.compile(
            "\\b(?:list|name|give me|what are)\\s+(?:the\\s+)?(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)?\\s*(?:popular |common |famous |well-known |different |of the |examples of )*([\\p{L} -]+?)\\s*[.?!]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTIMENT =
            Pattern.compile("sentiment|positive or negative|positive, negative,? or neutral", Pattern.CASE_INSENSITIVE);
    private static final Pattern TRANSLATE = Pattern.compile(
            "translate [\"“']?(.+?)[\"”']? (?:in)?to (french|spanish|german|italian)", Pattern.CASE_INSENSITIVE);
    private static final Pattern GREETING = Pattern.compile(
            "^\\s*(hello|hi|hey|greetings|good (?:morning|afternoon|evening)|howdy)\\b(?: there)?[\\s!.,]*(?:how are you\\??)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STORY = Pattern.compile(
            "\\b(?:write|tell|give)(?: me)? (?:a |an )?(?:short |funny |ironic |sarcastic |catchy )?(story|poem|haiku|joke|phrase|slogan|sentence)(?: about (.+?))?\\s*[.?!'\"]*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern PAWS = Pattern.compile("how many (paws|legs|feet)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ANIMALS = Pattern.compile(
            "\\b(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(dog|cat|bird|chicken|spider|horse|duck|cow|ant)s?\\b",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> NUMBER_WORDS =
            List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
    private static final Map<String, Integer> LEGS =
            Map.of("dog", 4, "cat", 4, "horse", 4, "cow", 4, "bird", 2, "chicken", 2, "duck", 2, "spider", 8, "ant", 6);
    private static final Map<String, Map<String, String>> DICTIONARY = Map.of(
            "hello", Map.of("french", "Bonjour", "spanish", "Hola", "german", "Hallo", "italian", "Ciao"),
            "thank you", Map.of("french", "Merci", "spanish", "Gracias", "german", "Danke", "italian", "Grazie"),
            "good morning",
                    Map.of(
                            "french",
                            "Bonjour",
                            "spanish",
                            "Buenos días",
                            "german",
                            "Guten Morgen",
                            "italian",
                            "Buongiorno"),
            "goodbye",
                    Map.of(
                            "french",
                            "Au revoir",
                            "spanish",
                            "Adiós",
                            "german",
                            "Auf Wiedersehen",
                            "italian",
                            "Arrivederci"),
            "cat", Map.of("french", "Le chat", "spanish", "El gato", "german", "Die Katze", "italian", "Il gatto"),
            "dog", Map.of("french", "Le chien", "spanish", "El perro", "german", "Der Hund", "italian", "Il cane"));
    private static final List<String> POSITIVE = List.of(
            "love",
            "great",
            "excellent",
            "good",
            "happy",
            "amazing",
            "wonderful",
            "fantastic",
            "best",
            "like",
            "enjoy",
            "awesome",
            "perfect",
            "thanks",
            "pleased");
    private static final List<String> NEGATIVE = List.of(
            "hate",
            "terrible",
            "awful",
            "bad",
            "sad",
            "worst",
            "horrible",
            "angry",
            "disappointed",
            "broken",
            "poor",
            "refund",
            "never",
            "sucks",
            "annoyed");

    private final Knowledge knowledge = Knowledge.bundled();
    private final List<BehaviourRule> scripted;

    private BaseBehaviour(List<BehaviourRule> scripted) {
        this.scripted = List.copyOf(scripted);
    }

    /** The bundled behaviour only. */
    public static BaseBehaviour bundled() {
        return new BaseBehaviour(List.of());
    }

    /** The bundled behaviour preceded by the rules of the given behaviour files (in order). */
    public static BaseBehaviour withFiles(List<Path> behaviourFiles) {
        List<BehaviourRule> rules = new ArrayList<>();
        for (Path p : behaviourFiles) {
            rules.addAll(BehaviourFile.read(p));
        }
        return new BaseBehaviour(rules);
    }

    @Override
    public Answer answer(Prompt prompt) {
        String scriptedAnswer = scripted(prompt);
        if (scriptedAnswer != null) {
            return Answer.text(scriptedAnswer);
        }
        java.util.Optional<String> grading = dev.tunegate.emulator.grading.Grader.grade(prompt);
        if (grading.isPresent()) {
            return Answer.text(grading.get());
        }
        FunctionCall call = FunctionChooser.choose(prompt);
        if (call != null) {
            return Answer.call(call);
        }
        Persona persona = Persona.of(prompt.systemInstruction());
        return Answer.text(persona.style(builtIn(prompt, persona)));
    }

    private String scripted(Prompt prompt) {
        String q = prompt.lastUserText();
        for (BehaviourRule rule : scripted) {
            if (!rule.models().isEmpty() && !rule.models().contains(prompt.model())) {
                continue;
            }
            if (rule.system() != null
                    && !rule.system().matcher(prompt.systemInstruction()).find()) {
                continue;
            }
            Matcher m = rule.pattern().matcher(q);
            if (m.find()) {
                String template = prompt.sampler().choose(rule.responses());
                try {
                    StringBuilder sb = new StringBuilder();
                    m.appendReplacement(sb, template);
                    return sb.substring(m.start());
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    return template; // a '$' that is not a group reference: answer literally
                }
            }
        }
        return null;
    }

    private String builtIn(Prompt prompt, Persona persona) {
        String q = prompt.lastUserText().strip();
        Sampler s = prompt.sampler();
        List<Turn> turns = prompt.turns();
        if (!turns.isEmpty() && turns.get(turns.size() - 1).text().startsWith("[functionResponse")) {
            String t = turns.get(turns.size() - 1).text();
            return "Done. The function returned " + t.substring(t.indexOf(' ', 18) + 1, t.length() - 1) + ".";
        }
        if (ASK_NAME.matcher(q).find()) {
            String name = persona.name() != null && q.toLowerCase(Locale.ROOT).contains("your")
                    ? persona.name()
                    : rememberedName(turns);
            return name == null ? "You haven't told me your name yet." : "Your name is " + name + ".";
        }
        if (ASK_YOUR_NAME.matcher(q).find()) {
            return persona.name() == null
                    ? "I'm a Gemini model served by the TuneGate emulator; I don't have a name."
                    : "My name is " + persona.name() + ".";
        }
        if (ASK_SAID.matcher(q).find()) {
            String previous = previousUserText(turns);
            return previous == null ? "This is the first thing you said." : "You said: \"" + previous + "\"";
        }
        Matcher m;
        if ((m = REPEAT_N.matcher(q)).find()) {
            String w = m.group(2);
            int n = Character.isDigit(w.charAt(0))
                    ? Math.min(50, Integer.parseInt(w))
                    : NUMBER_WORDS.indexOf(w.toLowerCase(Locale.ROOT));
            return String.join(" ", Collections.nCopies(Math.max(1, n), m.group(1)));
        }
        if ((m = UPPER.matcher(q)).find()) {
            return (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase(Locale.ROOT);
        }
        if ((m = LOWER.matcher(q)).find()) {
            return (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
        }
        if ((m = REVERSE.matcher(q)).find()) {
            return new StringBuilder(m.group(1)).reverse().toString();
        }
        if ((m = ECHO.matcher(q)).find() && !q.toLowerCase(Locale.ROOT).startsWith("say hello")) {
            return m.group(1);
        }
        if ((m = COUNT_WORDS.matcher(q)).find()) {
            return Integer.toString(m.group(1).strip().split("\\s+").length);
        }
        if ((m = COUNT_LETTER.matcher(q)).find()) {
            char c = Character.toLowerCase(m.group(1).charAt(0));
            long n = m.group(2)
                    .toLowerCase(Locale.ROOT)
                    .chars()
                    .filter(ch -> ch == c)
                    .count();
            return "There " + (n == 1 ? "is 1 \"" + c + "\"" : "are " + n + " \"" + c + "\"s") + " in \"" + m.group(2)
                    + "\".";
        }
        if ((m = SORT.matcher(q)).find()) {
            return sorted(m.group(1));
        }
        String paws = paws(q);
        if (paws != null) {
            return paws;
        }
        String arithmetic = Arithmetic.answer(q);
        if (arithmetic != null) {
            return arithmetic;
        }
        List<String> fact = knowledge.fact(q);
        if (fact != null) {
            return s.choose(fact);
        }
        if ((m = LIST.matcher(q)).find()) {
            String listed = list(m.group(1), m.group(2));
            if (listed != null) {
                return listed;
            }
        }
        if (SENTIMENT.matcher(q).find()) {
            return sentiment(q);
        }
        if ((m = TRANSLATE.matcher(q)).find()) {
            Map<String, String> entry =
                    DICTIONARY.get(m.group(1).toLowerCase(Locale.ROOT).replaceAll("[.!?]$", ""));
            if (entry != null) {
                return entry.get(m.group(2).toLowerCase(Locale.ROOT));
            }
            return "I can only translate a few words (hello, thank you, good morning, goodbye, cat, dog).";
        }
        if (GREETING.matcher(q).find()) {
            if (persona.name() != null) {
                return s.choose(List.of(
                        "Hello there! I'm " + persona.name() + ". How can I help you today?",
                        "Hi! " + persona.name() + " here. What can I do for you?"));
            }
            return s.choose(List.of(
                    "Hello! How can I help you today?",
                    "Hi there! What can I do for you?",
                    "Hello! What would you like to know?"));
        }
        if ((m = STORY.matcher(q)).find()) {
            return Compositions.compose(m.group(1).toLowerCase(Locale.ROOT), m.group(2), s);
        }
        Turn last = prompt.lastUserTurn();
        if (last != null && !last.attachments().isEmpty()) {
            return "I received " + String.join("; ", last.attachments()) + ". The TuneGate emulator cannot look"
                    + " inside media, so I can only say that the file is there.";
        }
        return s.choose(List.of(
                "I'm not sure how to answer that. Could you rephrase the question or give me more details?",
                "That's a good question, but I don't have enough information to answer it.",
                "I don't know the answer to that, but I'm happy to help with something else."));
    }

    private static String rememberedName(List<Turn> turns) {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (!turns.get(i).isModel()) {
                Matcher m = MY_NAME.matcher(turns.get(i).text());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static String previousUserText(List<Turn> turns) {
        int seen = 0;
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (!turns.get(i).isModel() && ++seen == 2) {
                return turns.get(i).text();
            }
        }
        return null;
    }

    private static String sorted(String items) {
        List<String> parts = new ArrayList<>();
        for (String p : items.split("\\s*,\\s*|\\s+")) {
            if (!p.isBlank()) {
                parts.add(p.replaceAll("[.]$", ""));
            }
        }
        boolean numeric = parts.stream().allMatch(p -> p.matches("-?\\d+(?:\\.\\d+)?"));
        if (numeric) {
            parts.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        } else {
            parts.sort(String.CASE_INSENSITIVE_ORDER);
        }
        return String.join(", ", parts);
    }

    private static String paws(String q) {
        Matcher ask = PAWS.matcher(q);
        if (!ask.find()) {
            return null;
        }
        String limb = ask.group(1).toLowerCase(Locale.ROOT);
        Matcher m = ANIMALS.matcher(q);
        int total = 0;
        List<String> terms = new ArrayList<>();
        while (m.find()) {
            String w = m.group(1).toLowerCase(Locale.ROOT);
            int n = Character.isDigit(w.charAt(0))
                    ? Integer.parseInt(w)
                    : w.startsWith("a") ? 1 : NUMBER_WORDS.indexOf(w);
            String animal = m.group(2).toLowerCase(Locale.ROOT);
            int legs = LEGS.get(animal);
            total += n * legs;
            terms.add(n + " " + animal + (n == 1 ? "" : "s") + " × " + legs);
        }
        if (terms.isEmpty()) {
            return null;
        }
        return "There are " + total + " " + limb + " in your house (" + String.join(" + ", terms) + " = " + total
                + ").";
    }

    private String list(String countWord, String topic) {
        String t = topic.strip().toLowerCase(Locale.ROOT);
        List<String> items = knowledge.list(t);
        if (items == null) {
            return null;
        }
        int n = items.size() < 5 ? items.size() : 5;
        if (countWord != null) {
            n = Character.isDigit(countWord.charAt(0))
                    ? Integer.parseInt(countWord)
                    : NUMBER_WORDS.indexOf(countWord.toLowerCase(Locale.ROOT));
        }
        n = Math.max(1, Math.min(n, items.size()));
        StringBuilder sb = new StringBuilder("Here are ")
                .append(n)
                .append(' ')
                .append(topic.strip())
                .append(":\n");
        for (int i = 0; i < n; i++) {
            sb.append(i + 1).append(". ").append(items.get(i));
            if (i < n - 1) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static String sentiment(String q) {
        String text = q;
        int colon = q.indexOf(':');
        if (colon >= 0) {
            text = q.substring(colon + 1);
        }
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\s]", " ") + " ";
        int score = 0;
        for (String w : POSITIVE) {
            if (lower.contains(" " + w + " ")) {
                score++;
            }
        }
        for (String w : NEGATIVE) {
            if (lower.contains(" " + w + " ")) {
                score--;
            }
        }
        return score > 0 ? "positive" : score < 0 ? "negative" : "neutral";
    }

    /** "uppercase: X", "convert X to upper case" and the like, for {@code which} = {@code upper} or {@code lower}. */
    private static Pattern caseChange(String which) {
        String name = "(?:" + which + "case|" + which + " case)";
        return Pattern.compile(
                "^\\s*(?:convert to |write in |in )?" + name
                        + "\\s*:\\s*(.+)$|^\\s*(?:convert|change) [\"“]?(.+?)[\"”]?" + " (?:to|into) " + name,
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
