package dev.tunegate.emulator.generation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.HarmBlockThreshold;
import dev.tunegate.client.model.HarmCategory;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A validated request with every option resolved: what the pipeline needs to answer it.
 *
 * @param request          the request as read by the wire records
 * @param candidateCount   number of candidates (1..8)
 * @param maxOutputTokens  token limit per candidate
 * @param stopSequences    stop sequences (at most 5)
 * @param mimeType         text/plain, application/json or text/x.enum
 * @param schema           the response schema as a tree (camelCase), or null
 * @param thresholds       the effective threshold of every rated category
 * @param temperature      requested temperature, or null for the model default
 * @param topP             requested topP, or null
 * @param topK             requested topK, or null
 * @param seed             requested seed, or null
 * @param requestHash      a fingerprint of the request body, for seeding
 */
@API(status = API.Status.INTERNAL)
public record GenerationPlan(
        GenerateContentRequest request,
        int candidateCount,
        int maxOutputTokens,
        List<String> stopSequences,
        String mimeType,
        JsonNode schema,
        Map<HarmCategory, HarmBlockThreshold> thresholds,
        Double temperature,
        Double topP,
        Integer topK,
        Integer seed,
        long requestHash) {
    /** Whether the answer must be JSON. */
    public boolean jsonMode() {
        return "application/json".equals(mimeType);
    }

    /** Whether the answer must be one of the schema's enum values. */
    public boolean enumMode() {
        return "text/x.enum".equals(mimeType);
    }
}
