package dev.tunegate.engine.matchers.graded;

import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerationConfig;
import dev.tunegate.client.model.Schema;
import dev.tunegate.client.model.SchemaType;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The judge prompt templates, versioned ({@link #VERSION}; a change of wording is a new version, and
 * changes every recording key of judge calls). The rubric and the answers come first, each in its own
 * tag, then the case's prompt; the judge must reply through {@code responseSchema}.
 */
@API(status = API.Status.INTERNAL)
public final class JudgePrompt {
    /** The version of the templates, written into every judge prompt. */
    public static final String VERSION = "tunegate-judge/1";

    private JudgePrompt() {}

    /** The rubric judge's prompt for one answer. */
    public static String rubric(String rubric, Optional<String> reference, String prompt, String answer) {
        return "You are an impartial grader (" + VERSION + ", rubric).\n"
                + "Decide whether the ANSWER meets every criterion of the RUBRIC"
                + (reference.isPresent() ? ", using the REFERENCE answer as a guide" : "") + ".\n"
                + "Reply with JSON only: verdict PASS or FAIL, score from 0 (meets nothing) to 1 (meets everything),"
                + " and a short reasoning naming the criteria met and missed.\n"
                + "<rubric>\n" + rubric.strip() + "\n</rubric>\n"
                + reference
                        .map(r -> "<reference>\n" + r.strip() + "\n</reference>\n")
                        .orElse("")
                + "<answer>\n" + answer + "\n</answer>\n"
                + "<prompt>\n" + prompt + "\n</prompt>";
    }

    /** The pairwise judge's prompt: which of two answers meets the rubric better. */
    public static String pairwise(String rubric, String prompt, String answerA, String answerB) {
        return "You are an impartial grader (" + VERSION + ", pairwise).\n"
                + "Decide which answer meets the RUBRIC better: A, B, or TIE when neither is better."
                + " Do not prefer an answer for its position or length.\n"
                + "Reply with JSON only: winner (A, B or TIE) and a short reasoning.\n"
                + "<rubric>\n" + rubric.strip() + "\n</rubric>\n"
                + "<answer_a>\n" + answerA + "\n</answer_a>\n"
                + "<answer_b>\n" + answerB + "\n</answer_b>\n"
                + "<prompt>\n" + prompt + "\n</prompt>";
    }

    /** The response schema of the rubric judge: {@code {verdict: PASS|FAIL, score: 0..1, reasoning}}. */
    public static Schema verdictSchema() {
        return Schema.builder()
                .type(SchemaType.OBJECT)
                .property(
                        "verdict",
                        Schema.builder()
                                .type(SchemaType.STRING)
                                .enumValues(List.of("PASS", "FAIL"))
                                .build())
                .property(
                        "score",
                        Schema.builder()
                                .type(SchemaType.NUMBER)
                                .minimum(0.0)
                                .maximum(1.0)
                                .build())
                .property("reasoning", Schema.of(SchemaType.STRING))
                .required("verdict", "score", "reasoning")
                .propertyOrdering(List.of("verdict", "score", "reasoning"))
                .build();
    }

    /** The response schema of the pairwise judge: {@code {winner: A|B|TIE, reasoning}}. */
    public static Schema winnerSchema() {
        return Schema.builder()
                .type(SchemaType.OBJECT)
                .property(
                        "winner",
                        Schema.builder()
                                .type(SchemaType.STRING)
                                .enumValues(List.of("A", "B", "TIE"))
                                .build())
                .property("reasoning", Schema.of(SchemaType.STRING))
                .required("winner", "reasoning")
                .propertyOrdering(List.of("winner", "reasoning"))
                .build();
    }

    /** A judge request: the prompt as one user turn, JSON mode with {@code schema}, the temperature and seed. */
    public static GenerateContentRequest request(String text, Schema schema, double temperature, Integer seed) {
        return GenerateContentRequest.builder()
                .contents(List.of(Content.user(text)))
                .generationConfig(GenerationConfig.builder()
                        .temperature(temperature)
                        .seed(seed)
                        .responseMimeType("application/json")
                        .responseSchema(schema)
                        .build())
                .build();
    }
}
