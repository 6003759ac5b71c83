package dev.tunegate.emulator.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.BlockReason;
import dev.tunegate.client.model.Candidate;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.FunctionCallingConfig;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.HarmBlockThreshold;
import dev.tunegate.client.model.HarmCategory;
import dev.tunegate.client.model.HarmProbability;
import dev.tunegate.client.model.Part;
import dev.tunegate.client.model.PromptFeedback;
import dev.tunegate.client.model.SafetyRating;
import dev.tunegate.client.model.Tool;
import dev.tunegate.client.model.UsageMetadata;
import dev.tunegate.emulator.safety.SafetyClassifier;
import dev.tunegate.emulator.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * Answers a validated request with a served model: rates and possibly blocks the prompt, asks the
 * model's {@link Answerer} once per candidate (each with its own seeded {@link Sampler}), then applies
 * JSON mode, stop sequences, {@code maxOutputTokens}, answer safety and token counting. The result can
 * be sent whole or as stream chunks whose texts concatenate to the whole answer.
 */
@API(status = API.Status.INTERNAL)
public final class GenerationPipeline {
    /** Tokens counted for each inline or file media part (as Gemini counts an image). */
    public static final int MEDIA_PART_TOKENS = 258;

    private static final double DEFAULT_TEMPERATURE = 1.0;
    private static final double DEFAULT_TOP_P = 0.95;
    private static final int DEFAULT_TOP_K = 40;

    private final SafetyClassifier safety;
    private final Tokenizer tokenizer = Tokenizer.get();
    private final JsonMode jsonMode;
    private final long seed;
    private final Map<Long, AtomicLong> occurrences = new ConcurrentHashMap<>();

    /** A pipeline rating with {@code safety}, writing JSON with {@code mapper}, seeded with {@code seed}. */
    public GenerationPipeline(SafetyClassifier safety, ObjectMapper mapper, long seed) {
        this.safety = safety;
        this.jsonMode = new JsonMode(mapper);
        this.seed = seed;
    }

    /** Forgets how often each request was seen, so a seeded run repeats exactly. */
    public void reset() {
        occurrences.clear();
    }

    /** Generates the answer of {@code model} to {@code plan}. */
    public Generation generate(ServedModel model, GenerationPlan plan) {
        GenerateContentRequest r = plan.request();
        String modelVersion = model.name().substring(model.name().indexOf('/') + 1);
        List<Turn> turns = new ArrayList<>();
        StringBuilder promptText = new StringBuilder();
        int promptTokens = 0;
        for (Content c : r.contents()) {
            Turn t = turn(c);
            turns.add(t);
            if (promptText.length() > 0) {
                promptText.append('\n');
            }
            promptText.append(t.text());
            promptTokens += tokenizer.count(t.text())
                    + MEDIA_PART_TOKENS * t.attachments().size();
        }
        String system = r.systemInstruction() == null ? "" : textOf(r.systemInstruction());
        promptTokens += tokenizer.count(system);
        String responseId = Long.toHexString(Sampler.seedFor(seed, plan.requestHash(), System.nanoTime(), 0));

        Map<HarmCategory, HarmProbability> promptRatings = safety.rate(promptText.toString());
        List<SafetyRating> promptSafety = ratings(promptRatings, plan.thresholds(), r);
        if (promptSafety.stream().anyMatch(SafetyRating::isBlocked)) {
            GenerateContentResponse blocked = new GenerateContentResponse(
                    null,
                    new PromptFeedback(BlockReason.SAFETY, promptSafety),
                    new UsageMetadata(promptTokens, null, null, promptTokens),
                    modelVersion,
                    responseId);
            return new Generation(blocked, List.of(), promptTokens);
        }

        long occurrence = plan.seed() != null
                ? 0
                : occurrence(plan.requestHash() * 31 + model.name().hashCode());
        long baseSeed = plan.seed() != null ? plan.seed() : seed;
        double temperature = plan.temperature() != null
                ? plan.temperature()
                : model.temperature() != null ? model.temperature() : DEFAULT_TEMPERATURE;
        Double topP = plan.topP() != null ? plan.topP() : model.topP() != null ? model.topP() : DEFAULT_TOP_P;
        Integer topK = plan.topK() != null ? plan.topK() : model.topK() != null ? model.topK() : DEFAULT_TOP_K;
        List<dev.tunegate.client.model.FunctionDeclaration> functions = new ArrayList<>();
        if (r.tools() != null) {
            for (Tool tool : r.tools()) {
                if (tool.functionDeclarations() != null) {
                    functions.addAll(tool.functionDeclarations());
                }
            }
        }
        FunctionCallingConfig.Mode mode = FunctionCallingConfig.Mode.AUTO;
        List<String> allowed = List.of();
        if (r.toolConfig() != null && r.toolConfig().functionCallingConfig() != null) {
            FunctionCallingConfig fc = r.toolConfig().functionCallingConfig();
            if (fc.mode() != null && fc.mode() != FunctionCallingConfig.Mode.MODE_UNSPECIFIED) {
                mode = fc.mode();
            }
            if (fc.allowedFunctionNames() != null) {
                allowed = fc.allowedFunctionNames();
            }
        }

        List<GeneratedCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < plan.candidateCount(); i++) {
            Sampler sampler =
                    new Sampler(temperature, topP, topK, Sampler.seedFor(baseSeed, plan.requestHash(), occurrence, i));
            Prompt prompt = new Prompt(
                    model.name(),
                    system,
                    turns,
                    functions,
                    mode,
                    allowed,
                    plan.jsonMode() || plan.enumMode(),
                    sampler,
                    i);
            Answer answer = model.answerer().answer(prompt);
            candidates.add(finish(answer, plan, prompt, r));
        }
        int candidateTokens =
                candidates.stream().mapToInt(GeneratedCandidate::tokens).sum();
        Integer thoughts = Thinking.tokens(model.name(), r, promptTokens);
        UsageMetadata usage = new UsageMetadata(
                promptTokens,
                null,
                candidateTokens,
                promptTokens + candidateTokens + (thoughts == null ? 0 : thoughts),
                null,
                thoughts);
        List<Candidate> list = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            list.add(candidates.get(i).toCandidate(i));
        }
        PromptFeedback feedback = new PromptFeedback(null, promptSafety);
        GenerateContentResponse whole = new GenerateContentResponse(list, feedback, usage, modelVersion, responseId);
        return new Generation(whole, candidates, promptTokens);
    }

    private GeneratedCandidate finish(Answer answer, GenerationPlan plan, Prompt prompt, GenerateContentRequest r) {
        if (answer.functionCall() != null) {
            String asText = answer.functionCall().name()
                    + String.valueOf(answer.functionCall().args());
            List<SafetyRating> ratings = ratings(safety.rate(asText), plan.thresholds(), r);
            return new GeneratedCandidate(
                    null, answer.functionCall(), FinishReason.STOP, ratings, tokenizer.count(asText), false);
        }
        String text = answer.text();
        if (plan.enumMode()) {
            text = jsonMode.renderEnum(text, plan.schema(), prompt.lastUserText(), prompt.sampler());
        } else if (plan.jsonMode()) {
            text = jsonMode.render(text, plan.schema(), prompt.lastUserText(), prompt.sampler());
        }
        FinishReason reason = FinishReason.STOP;
        int cut = -1;
        for (String stop : plan.stopSequences()) {
            int at = text.indexOf(stop);
            if (at >= 0 && (cut < 0 || at < cut)) {
                cut = at;
            }
        }
        if (cut >= 0) {
            text = text.substring(0, cut);
        }
        int tokens = tokenizer.count(text);
        if (tokens > plan.maxOutputTokens()) {
            text = tokenizer.truncate(text, plan.maxOutputTokens());
            tokens = plan.maxOutputTokens();
            reason = FinishReason.MAX_TOKENS;
        }
        List<SafetyRating> ratings = ratings(safety.rate(text), plan.thresholds(), r);
        boolean blocked = ratings.stream().anyMatch(SafetyRating::isBlocked);
        if (blocked) {
            reason = FinishReason.SAFETY;
        }
        return new GeneratedCandidate(text, null, reason, ratings, tokens, blocked);
    }

    private List<SafetyRating> ratings(
            Map<HarmCategory, HarmProbability> rated,
            Map<HarmCategory, HarmBlockThreshold> thresholds,
            GenerateContentRequest r) {
        List<SafetyRating> out = new ArrayList<>();
        for (HarmCategory c : safety.categories()) {
            HarmProbability p = rated.getOrDefault(c, HarmProbability.NEGLIGIBLE);
            if (c == HarmCategory.HARM_CATEGORY_CIVIC_INTEGRITY && p == HarmProbability.NEGLIGIBLE && !mentions(r, c)) {
                continue;
            }
            HarmBlockThreshold t = thresholds.getOrDefault(c, SafetySettingsCheck.DEFAULT_THRESHOLD);
            out.add(t.blocks(p) ? new SafetyRating(c, p, Boolean.TRUE) : SafetyRating.of(c, p));
        }
        return out;
    }

    private static boolean mentions(GenerateContentRequest r, HarmCategory c) {
        return r.safetySettings() != null && r.safetySettings().stream().anyMatch(s -> s.category() == c);
    }

    private long occurrence(long key) {
        if (occurrences.size() > 100_000) {
            occurrences.clear();
        }
        return occurrences.computeIfAbsent(key, k -> new AtomicLong()).getAndIncrement();
    }

    private static Turn turn(Content c) {
        StringBuilder text = new StringBuilder();
        List<String> attachments = new ArrayList<>();
        for (Part p : c.parts()) {
            if (p.text() != null) {
                text.append(p.text());
            } else if (p.inlineData() != null) {
                attachments.add(p.inlineData().mimeType() + ", "
                        + (p.inlineData().data().length() * 3 / 4) + " bytes inline");
            } else if (p.fileData() != null) {
                attachments.add(
                        (p.fileData().mimeType() == null ? "file" : p.fileData().mimeType()) + " at "
                                + p.fileData().fileUri());
            } else if (p.functionCall() != null) {
                text.append("[functionCall ")
                        .append(p.functionCall().name())
                        .append(' ')
                        .append(
                                p.functionCall().args() == null
                                        ? "{}"
                                        : p.functionCall().args())
                        .append(']');
            } else if (p.functionResponse() != null) {
                text.append("[functionResponse ")
                        .append(p.functionResponse().name())
                        .append(' ')
                        .append(
                                p.functionResponse().response() == null
                                        ? "{}"
                                        : p.functionResponse().response())
                        .append(']');
            } else if (p.executableCode() != null) {
                text.append(String.valueOf(p.executableCode()));
            }
        }
        return new Turn(c.role() == null ? "user" : c.role(), text.toString(), attachments);
    }

    private static String textOf(Content c) {
        StringBuilder sb = new StringBuilder();
        for (Part p : c.parts()) {
            if (p.text() != null) {
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(p.text());
            }
        }
        return sb.toString();
    }
}
