package dev.tunegate.emulator.grading;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.generation.Prompt;
import dev.tunegate.emulator.generation.Sampler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The base models' judge: recognises a grading request (JSON mode, and a prompt holding a
 * {@code <rubric>} with one {@code <answer>}, or with {@code <answer_a>} and {@code <answer_b>} for a
 * pairwise comparison) and grades by how many of the rubric's criteria the answer covers.
 *
 * <p>A criterion is a clause of the rubric (split at line breaks, {@code ;} and sentence ends). Its
 * content words (four letters or more, not a stop word) are compared by their first five letters: the
 * criterion is covered when at least half of them occur in the answer. A clause with a negation
 * ({@code not}, {@code never}, {@code no}, {@code without}, {@code avoid}) is covered when the first
 * content word after the negation does <em>not</em> occur. The score is the covered fraction; the
 * verdict is PASS at 0.5 or more. At temperature 0 grading is deterministic; above it the score moves by
 * up to {@code ±0.3 × temperature} from the candidate's seeded sampler, so samples near the threshold
 * disagree. A pairwise request names the answer with the higher score; when the two scores are within
 * 0.15 of each other the judge prefers the answer shown first (a deliberate position bias, so that
 * swapping the order is exercised). It reads nothing but the request.
 */
@API(status = API.Status.INTERNAL)
public final class Grader {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Set<String> NEGATIONS = Set.of("not", "never", "no", "without", "avoid", "avoids", "don't");
    private static final Set<String> STOP = Set.of(
            "that",
            "this",
            "with",
            "from",
            "into",
            "your",
            "their",
            "them",
            "they",
            "there",
            "what",
            "which",
            "when",
            "where",
            "will",
            "would",
            "should",
            "could",
            "must",
            "have",
            "been",
            "being",
            "were",
            "does",
            "answer",
            "response",
            "reply",
            "mentions",
            "mention",
            "says",
            "states",
            "include",
            "includes",
            "about",
            "some",
            "only",
            "also",
            "than",
            "then",
            "each",
            "very",
            "more",
            "most",
            "such");
    private static final double BIAS_MARGIN = 0.15;

    private Grader() {}

    /** The grading of {@code prompt} as the JSON text of the answer, or empty when it is no grading request. */
    public static Optional<String> grade(Prompt prompt) {
        if (!prompt.jsonMode()) {
            return Optional.empty();
        }
        String text = prompt.lastUserText();
        Optional<String> rubric = section(text, "rubric");
        if (rubric.isEmpty()) {
            return Optional.empty();
        }
        List<Criterion> criteria = criteria(rubric.get());
        Sampler sampler = prompt.sampler();
        Optional<String> a = section(text, "answer_a");
        Optional<String> b = section(text, "answer_b");
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(pairwise(criteria, a.get(), b.get(), sampler));
        }
        Optional<String> answer = section(text, "answer");
        return answer.map(value -> single(criteria, value, sampler));
    }

    private static String single(List<Criterion> criteria, String answer, Sampler sampler) {
        Coverage coverage = Coverage.of(criteria, answer);
        double score = noisy(coverage.score(), sampler);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("verdict", score >= 0.5 ? "PASS" : "FAIL");
        node.put("score", Math.round(score * 1000) / 1000.0);
        node.put("reasoning", coverage.reasoning());
        return node.toString();
    }

    private static String pairwise(List<Criterion> criteria, String a, String b, Sampler sampler) {
        Coverage first = Coverage.of(criteria, a);
        Coverage second = Coverage.of(criteria, b);
        double sa = noisy(first.score(), sampler);
        double sb = noisy(second.score(), sampler);
        String winner = Math.abs(sa - sb) < BIAS_MARGIN ? "A" : sa > sb ? "A" : "B";
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("winner", winner);
        node.put(
                "reasoning",
                "A " + first.reasoning() + " B " + second.reasoning()
                        + (Math.abs(sa - sb) < BIAS_MARGIN ? " The answers are close; A is preferred." : ""));
        return node.toString();
    }

    private static double noisy(double score, Sampler sampler) {
        if (sampler.isGreedy() || sampler.temperature() <= 0) {
            return score;
        }
        double moved = score + (sampler.nextDouble() - 0.5) * 0.6 * sampler.temperature();
        return Math.max(0, Math.min(1, moved));
    }

    /** The text between {@code <name>} and {@code </name>}, trimmed. */
    static Optional<String> section(String text, String name) {
        int start = text.indexOf("<" + name + ">");
        int end = text.indexOf("</" + name + ">");
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        return Optional.of(text.substring(start + name.length() + 2, end).strip());
    }

    static List<Criterion> criteria(String rubric) {
        List<Criterion> out = new ArrayList<>();
        for (String clause : rubric.split("[\\n;]|(?<=[.!?])\\s+")) {
            List<String> words = words(clause);
            boolean negated = false;
            List<String> content = new ArrayList<>();
            String afterNegation = null;
            for (String w : words) {
                if (NEGATIONS.contains(w)) {
                    negated = true;
                    continue;
                }
                if (w.length() >= 4 && !STOP.contains(w)) {
                    String stem = stem(w);
                    content.add(stem);
                    if (negated && afterNegation == null) {
                        afterNegation = stem;
                    }
                }
            }
            if (!content.isEmpty()) {
                out.add(new Criterion(clause.strip(), content, afterNegation));
            }
        }
        return out;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String stem(String word) {
        return word.length() <= 5 ? word : word.substring(0, 5);
    }

    /** One criterion of a rubric: its clause, the stems of its content words, and the negated stem if any. */
    record Criterion(String clause, List<String> stems, String negated) {
        boolean coveredBy(Set<String> answerStems) {
            if (negated != null) {
                return !answerStems.contains(negated);
            }
            long hits = stems.stream().filter(answerStems::contains).count();
            return hits * 2 >= stems.size();
        }
    }

    /** Which criteria an answer covers. */
    record Coverage(List<String> met, List<String> missed) {
        static Coverage of(List<Criterion> criteria, String answer) {
            Set<String> stems = new HashSet<>();
            words(answer).forEach(w -> stems.add(stem(w)));
            List<String> met = new ArrayList<>();
            List<String> missed = new ArrayList<>();
            for (Criterion c : criteria) {
                (c.coveredBy(stems) ? met : missed).add(c.clause());
            }
            return new Coverage(met, missed);
        }

        double score() {
            int total = met.size() + missed.size();
            return total == 0 ? 1.0 : (double) met.size() / total;
        }

        String reasoning() {
            return "covers " + met.size() + " of " + (met.size() + missed.size()) + " criteria"
                    + (met.isEmpty() ? "" : "; met: " + String.join(" | ", met))
                    + (missed.isEmpty() ? "" : "; missed: " + String.join(" | ", missed)) + ".";
        }
    }
}
