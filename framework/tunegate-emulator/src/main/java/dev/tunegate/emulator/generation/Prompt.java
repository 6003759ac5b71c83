package dev.tunegate.emulator.generation;

import dev.tunegate.client.model.FunctionCallingConfig;
import dev.tunegate.client.model.FunctionDeclaration;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Everything an {@link Answerer} may use to answer one candidate.
 *
 * @param model             the served model's resource name, e.g. {@code models/gemini-2.0-flash}
 * @param systemInstruction the system instruction text, or "" when absent
 * @param turns             the conversation, oldest first; the last user turn is the question
 * @param functions         declared functions the model may call (empty when none)
 * @param functionMode      the function-calling mode (AUTO when functions are declared without a mode)
 * @param allowedFunctions  function names allowed in ANY mode (empty = all)
 * @param jsonMode          whether the pipeline will render the answer as JSON (the answerer may answer
 *                          with JSON text directly; otherwise plain text is converted)
 * @param sampler           this candidate's seeded sampler
 * @param candidateIndex    the candidate being produced (0-based)
 */
@API(status = API.Status.EXPERIMENTAL)
public record Prompt(
        String model,
        String systemInstruction,
        List<Turn> turns,
        List<FunctionDeclaration> functions,
        FunctionCallingConfig.Mode functionMode,
        List<String> allowedFunctions,
        boolean jsonMode,
        Sampler sampler,
        int candidateIndex) {
    public Prompt {
        systemInstruction = systemInstruction == null ? "" : systemInstruction;
        turns = List.copyOf(turns);
        functions = functions == null ? List.of() : List.copyOf(functions);
        functionMode = functionMode == null ? FunctionCallingConfig.Mode.AUTO : functionMode;
        allowedFunctions = allowedFunctions == null ? List.of() : List.copyOf(allowedFunctions);
    }

    /** A single-turn text prompt, greedy sampling, no functions (handy in tests and for tuning). */
    public static Prompt of(String model, String systemInstruction, String userText) {
        return new Prompt(
                model,
                systemInstruction,
                List.of(Turn.user(userText)),
                List.of(),
                null,
                List.of(),
                false,
                Sampler.greedy(),
                0);
    }

    /** The text of the last user turn, or "" when there is none. */
    public String lastUserText() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (!turns.get(i).isModel()) {
                return turns.get(i).text();
            }
        }
        return "";
    }

    /** The last user turn, or null. */
    public Turn lastUserTurn() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (!turns.get(i).isModel()) {
                return turns.get(i);
            }
        }
        return null;
    }
}
