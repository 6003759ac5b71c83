package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A parsed, validated evaluation suite: what one {@code *.eval.yaml} file asks for.
 *
 * @param location          where the suite came from ({@code classpath:/…} or {@code file:/…})
 * @param name              the {@code suite:} name, or the file name without {@code .eval.yaml}
 * @param variants          model variants by name, in file order
 * @param generationConfig  suite-wide {@code generationConfig} (wire JSON), or null
 * @param safetySettings    suite-wide {@code safetySettings} (wire JSON array), or null
 * @param systemInstruction {@code systemInstruction} as wire {@code Content} JSON, or null
 * @param tools             {@code tools} (wire JSON array), or null
 * @param toolConfig        {@code toolConfig} (wire JSON), or null
 * @param cases             every case, inline and from {@code casesFrom}, in file order
 * @param gate              the {@code gate:} block as written (its variant names checked), when present
 * @param contentHash       SHA-256 (hex) of the suite file's bytes
 * @param position          where the suite document starts
 * @param batch             the suite's {@code mode:}: true for {@code batch} (its calls go through the batch API),
 *                          false for {@code online}; empty when not written ({@code tunegate.mode} decides)
 */
@API(status = API.Status.INTERNAL)
public record EvalSuite(
        URI location,
        String name,
        Map<String, ModelVariant> variants,
        JsonNode generationConfig,
        JsonNode safetySettings,
        JsonNode systemInstruction,
        JsonNode tools,
        JsonNode toolConfig,
        List<EvalCase> cases,
        Optional<JsonNode> gate,
        String contentHash,
        SourcePosition position,
        Optional<Boolean> batch) {

    /** This suite calling {@code variants} instead (e.g. after overrides or checkpoint expansion); all else kept. */
    public EvalSuite withVariants(Map<String, ModelVariant> variants) {
        return withVariants(variants, gate);
    }

    /** This suite calling {@code variants} and gated by {@code gate} instead; all else kept. */
    public EvalSuite withVariants(Map<String, ModelVariant> variants, Optional<JsonNode> gate) {
        return new EvalSuite(
                location,
                name,
                variants,
                generationConfig,
                safetySettings,
                systemInstruction,
                tools,
                toolConfig,
                cases,
                gate,
                contentHash,
                position,
                batch);
    }

    /** The case with this id, if any (a linear search; see {@code CompiledSuite#findCase} for an indexed one). */
    public Optional<EvalCase> findCase(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
