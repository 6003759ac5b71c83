package dev.tunegate.engine.matchers;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * One model call a {@link JudgedMatcher} needs: a judge prompt answered in JSON mode through a {@code
 * responseSchema} ({@link #generate}), or the embeddings of some texts ({@link #embed}).
 *
 * @param model the model to call; empty for the run's default ({@code tunegate.judge.model} for a prompt,
 *     {@code tunegate.embedding.model} for embeddings)
 * @param prompt the judge prompt (one user turn); null for an embedding call
 * @param responseSchema the Gemini {@code responseSchema} the judge must answer with (OpenAPI subset, e.g.
 *     {@code {type: object, properties: {verdict: {type: string, enum: [PASS, FAIL]}}}}); null for plain text
 *     or an embedding call
 * @param temperature the judge's temperature (0 unless given)
 * @param texts the texts to embed; empty for a prompt
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record JudgeCall(
        Optional<String> model, String prompt, JsonNode responseSchema, double temperature, List<String> texts) {

    /** Checks that the call is either a prompt or texts to embed. */
    public JudgeCall {
        model = model == null ? Optional.empty() : model;
        texts = texts == null ? List.of() : List.copyOf(texts);
        if ((prompt == null) == texts.isEmpty()) {
            throw new IllegalArgumentException("a judge call is either a prompt or texts to embed");
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("the temperature must be within [0, 2], but was " + temperature);
        }
    }

    /** A judge prompt at temperature 0, answered as JSON valid against {@code responseSchema} (or text when null). */
    public static JudgeCall generate(String prompt, JsonNode responseSchema) {
        return new JudgeCall(Optional.empty(), Objects.requireNonNull(prompt, "prompt"), responseSchema, 0, List.of());
    }

    /** The embeddings of {@code texts}, one vector per text, in order. */
    public static JudgeCall embed(List<String> texts) {
        return new JudgeCall(Optional.empty(), null, null, 0, texts);
    }

    /** The same call to {@code model} instead of the run's default. */
    public JudgeCall withModel(String model) {
        return new JudgeCall(Optional.of(model), prompt, responseSchema, temperature, texts);
    }

    /** The same call at {@code temperature}. */
    public JudgeCall withTemperature(double temperature) {
        return new JudgeCall(model, prompt, responseSchema, temperature, texts);
    }

    /** True for an embedding call. */
    public boolean embedding() {
        return prompt == null;
    }
}
