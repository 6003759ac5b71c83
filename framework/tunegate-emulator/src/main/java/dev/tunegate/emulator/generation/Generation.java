package dev.tunegate.emulator.generation;

import dev.tunegate.client.model.Candidate;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.UsageMetadata;
import dev.tunegate.emulator.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The outcome of one generation: the whole response, and the same answer split into stream chunks.
 */
@API(status = API.Status.INTERNAL)
public final class Generation {
    private final GenerateContentResponse whole;
    private final List<GeneratedCandidate> candidates;
    private final int promptTokens;

    Generation(GenerateContentResponse whole, List<GeneratedCandidate> candidates, int promptTokens) {
        this.whole = whole;
        this.candidates = candidates;
        this.promptTokens = promptTokens;
    }

    /** The non-streamed response. */
    public GenerateContentResponse response() {
        return whole;
    }

    /**
     * The stream: each chunk carries the next {@code tokensPerChunk} tokens of every candidate; only the
     * last chunk has {@code finishReason}, safety ratings and the complete {@code usageMetadata} (earlier
     * chunks carry the usage so far). A blocked prompt is a single chunk.
     */
    public List<GenerateContentResponse> chunks(int tokensPerChunk) {
        if (candidates.isEmpty()) {
            return List.of(whole);
        }
        Tokenizer tokenizer = Tokenizer.get();
        List<List<String>> pieces = new ArrayList<>();
        int chunkCount = 1;
        for (GeneratedCandidate c : candidates) {
            List<String> split = new ArrayList<>();
            if (c.text() != null && !c.blocked()) {
                List<String> tokens = tokenizer.tokenize(c.text());
                for (int i = 0; i < tokens.size(); i += tokensPerChunk) {
                    split.add(String.join("", tokens.subList(i, Math.min(tokens.size(), i + tokensPerChunk))));
                }
            }
            pieces.add(split);
            chunkCount = Math.max(chunkCount, split.size());
        }
        List<GenerateContentResponse> chunks = new ArrayList<>();
        int emittedTokens = 0;
        for (int k = 0; k < chunkCount; k++) {
            boolean last = k == chunkCount - 1;
            List<Candidate> list = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                GeneratedCandidate c = candidates.get(i);
                List<String> split = pieces.get(i);
                if (last) {
                    String piece = split.size() == chunkCount ? split.get(k) : c.text() == null ? null : "";
                    list.add(new Candidate(
                            c.blocked() ? null : c.content(piece),
                            c.finishReason(),
                            c.ratings(),
                            null,
                            c.tokens(),
                            null,
                            i));
                } else if (k < split.size()) {
                    emittedTokens += tokenizer.count(split.get(k));
                    list.add(new Candidate(c.content(split.get(k)), null, null, null, null, null, i));
                }
            }
            UsageMetadata usage = last
                    ? whole.usageMetadata()
                    : new UsageMetadata(promptTokens, null, emittedTokens, promptTokens + emittedTokens);
            chunks.add(new GenerateContentResponse(
                    list, k == 0 ? whole.promptFeedback() : null, usage, whole.modelVersion(), whole.responseId()));
        }
        return chunks;
    }
}
