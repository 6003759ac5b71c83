package dev.tunegate.engine.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.PromptTemplate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@code generateContent} request of one case on one variant: the rendered prompt (or
 * contents with rendered text parts), the suite's system instruction, safety settings and tools, and
 * the variant's generation config. What the suite and variant contribute is converted to the wire
 * types once per variant (one instance serves a run); each call only adds its rendered contents.
 */
final class RequestFactory {

    private static final ObjectMapper MAPPER = GeminiJson.newMapper();
    private static final com.fasterxml.jackson.databind.JavaType CONTENTS =
            MAPPER.getTypeFactory().constructCollectionType(List.class, Content.class);

    /** The request without contents, per variant (variants are distinct objects per suite, so identity suffices). */
    private final Map<ModelVariant, GenerateContentRequest> bases =
            Collections.synchronizedMap(new IdentityHashMap<>());

    GenerateContentRequest build(EvalSuite suite, EvalCase evalCase, ModelVariant variant) {
        GenerateContentRequest base = bases.get(variant);
        if (base == null) {
            base = base(suite, variant);
            bases.put(variant, base);
        }
        List<Content> contents;
        if (evalCase.prompt().isPresent()) {
            contents = List.of(Content.user(render(evalCase.prompt().get(), evalCase)));
        } else {
            ArrayNode tree = evalCase.contents().deepCopy();
            for (JsonNode content : tree) {
                for (JsonNode part : content.path("parts")) {
                    if (part.has("text")) {
                        ((ObjectNode) part).put("text", render(part.get("text").asText(), evalCase));
                    }
                }
            }
            contents = convert(tree, CONTENTS, evalCase);
        }
        return base.toBuilder().contents(contents).build();
    }

    /** The request of {@code variant} with the given contents (a Java eval's prompt or conversation). */
    GenerateContentRequest build(EvalSuite suite, ModelVariant variant, List<Content> contents) {
        GenerateContentRequest base = bases.computeIfAbsent(variant, v -> base(suite, v));
        return base.toBuilder().contents(contents).build();
    }

    private static GenerateContentRequest base(EvalSuite suite, ModelVariant variant) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        setIfPresent(body, "systemInstruction", suite.systemInstruction());
        setIfPresent(body, "safetySettings", suite.safetySettings());
        setIfPresent(body, "tools", suite.tools());
        setIfPresent(body, "toolConfig", suite.toolConfig());
        if (!variant.generationConfig().isEmpty()) {
            body.set("generationConfig", variant.generationConfig());
        }
        try {
            return MAPPER.treeToValue(body, GenerateContentRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot build the requests of variant '" + variant.name() + "': " + e.getOriginalMessage(), e);
        }
    }

    private static String render(String template, EvalCase evalCase) {
        if (!template.contains("{{")) {
            return template;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = MAPPER.convertValue(evalCase.vars(), Map.class);
        return PromptTemplate.compile(template).render(vars);
    }

    private static <T> T convert(JsonNode tree, com.fasterxml.jackson.databind.JavaType type, EvalCase evalCase) {
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot build the request of case '" + evalCase.id() + "': " + e.getOriginalMessage(), e);
        }
    }

    private static void setIfPresent(ObjectNode body, String field, JsonNode value) {
        if (value != null && !value.isNull()) {
            body.set(field, value);
        }
    }
}
