package dev.tunegate.engine.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.suite.EvalCase;
import dev.tunegate.engine.suite.EvalSuite;
import dev.tunegate.engine.suite.ModelVariant;
import dev.tunegate.engine.suite.PromptTemplate;
import java.util.Map;

/**
 * Builds the {@code generateContent} request of one case on one variant: the rendered prompt (or
 * contents with rendered text parts), the suite's system instruction, safety settings and tools, and
 * the variant's generation config.
 */
final class RequestFactory {

    private static final ObjectMapper MAPPER = GeminiJson.newMapper();

    private RequestFactory() {
    }

    static GenerateContentRequest build(EvalSuite suite, EvalCase evalCase, ModelVariant variant) {
        Map<String, Object> vars = MAPPER.convertValue(evalCase.vars(), Map.class);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (evalCase.prompt().isPresent()) {
            ObjectNode content = body.putArray("contents").addObject();
            content.put("role", "user");
            content.putArray("parts").addObject().put("text", PromptTemplate.compile(evalCase.prompt().get()).render(vars));
        } else {
            ArrayNode contents = evalCase.contents().deepCopy();
            for (JsonNode content : contents) {
                for (JsonNode part : content.path("parts")) {
                    if (part.has("text")) {
                        ((ObjectNode) part).put("text", PromptTemplate.compile(part.get("text").asText()).render(vars));
                    }
                }
            }
            body.set("contents", contents);
        }
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
            throw new IllegalArgumentException("cannot build the request of case '" + evalCase.id() + "': " + e.getOriginalMessage(), e);
        }
    }

    private static void setIfPresent(ObjectNode body, String field, JsonNode value) {
        if (value != null && !value.isNull()) {
            body.set(field, value);
        }
    }
}
