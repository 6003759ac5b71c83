package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JSON mode answers are valid JSON that an independent JSON Schema validator (networknt) accepts. */
class JsonModeTest {
    static GeminiEmulator emulator;
    static Http http;
    static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder().port(0).build().start();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static JsonNode jsonAnswer(String prompt, String schema, double temperature) {
        String config =
                "\"generationConfig\":{\"temperature\":" + temperature + ",\"responseMimeType\":\"application/json\""
                        + (schema == null ? "" : ",\"responseSchema\":" + schema) + "}";
        JsonNode r = http.generate(
                "gemini-2.0-flash",
                "{\"contents\":[{\"parts\":[{\"text\":" + Http.quote(prompt) + "}]}]," + config + "}");
        return Http.json(r.at("/candidates/0/content/parts/0/text").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "List 5 popular cookie recipes|{\"type\":\"ARRAY\",\"items\":{\"type\":\"OBJECT\",\"properties\":{\"recipe_name\":{\"type\":\"STRING\"}}}}",
                "What is the capital of France?|{\"type\":\"OBJECT\",\"properties\":{\"city\":{\"type\":\"STRING\"},\"country\":{\"type\":\"STRING\"},\"population\":{\"type\":\"INTEGER\"}},\"required\":[\"city\",\"country\"]}",
                "Is this review positive or negative: I love it|{\"type\":\"OBJECT\",\"properties\":{\"sentiment\":{\"type\":\"STRING\",\"enum\":[\"negative\",\"neutral\",\"positive\"]},\"confidence\":{\"type\":\"NUMBER\"},\"flagged\":{\"type\":\"BOOLEAN\"}},\"required\":[\"sentiment\",\"confidence\",\"flagged\"]}",
                "Name three colors|{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\"},\"minItems\":\"2\",\"maxItems\":\"4\"}",
                "What is 6 * 7?|{\"type\":\"INTEGER\"}",
                "Tell me a joke|{\"type\":\"OBJECT\",\"properties\":{\"setup\":{\"type\":\"STRING\"},\"tags\":{\"type\":\"ARRAY\",\"items\":{\"type\":\"STRING\",\"enum\":[\"pun\",\"dad\"]}},\"meta\":{\"type\":\"OBJECT\",\"properties\":{\"rating\":{\"type\":\"NUMBER\",\"minimum\":1,\"maximum\":5},\"nsfw\":{\"type\":\"BOOLEAN\",\"nullable\":true}},\"required\":[\"rating\"]}},\"required\":[\"setup\",\"tags\",\"meta\"],\"propertyOrdering\":[\"tags\",\"setup\",\"meta\"]}",
                "hello|{\"type\":\"object\",\"properties\":{\"greeting\":{\"type\":\"string\"}},\"required\":[\"greeting\"]}"
            })
    void answersValidateAgainstTheResponseSchema(String prompt, String geminiSchema) {
        for (double temperature : new double[] {0, 1.5}) {
            JsonNode answer = jsonAnswer(prompt, geminiSchema, temperature);
            Schema schema = REGISTRY.getSchema(toJsonSchema(Http.json(geminiSchema)));
            assertThat(schema.validate(answer)).as(answer.toString()).isEmpty();
        }
    }

    @Test
    void arraysFollowTheListInTheAnswer() {
        JsonNode answer = jsonAnswer(
                "List 5 popular cookie recipes",
                "{\"type\":\"ARRAY\",\"items\":{\"type\":\"OBJECT\",\"properties\":{\"recipe_name\":{\"type\":\"STRING\"}}}}",
                0);
        assertThat(answer.size()).isEqualTo(5);
        assertThat(answer.get(0).path("recipe_name").asText()).isEqualTo("Chocolate Chip Cookies");
    }

    @Test
    void enumValuesMentionedInTheConversationArePreferred() {
        JsonNode answer = jsonAnswer(
                "Is this review positive or negative: I hate it, terrible",
                "{\"type\":\"OBJECT\",\"properties\":{\"sentiment\":{\"type\":\"STRING\",\"enum\":[\"positive\",\"negative\"]}}}",
                0);
        assertThat(answer.path("sentiment").asText()).isEqualTo("negative");
    }

    @Test
    void withoutSchemaTheAnswerIsStillJson() {
        JsonNode answer = jsonAnswer("What is the capital of France?", null, 0);
        assertThat(answer.path("answer").asText()).contains("Paris");
    }

    @Test
    void enumMimeTypeAnswersOneValue() {
        JsonNode r = http.generate(
                "gemini-2.0-flash",
                "{\"contents\":[{\"parts\":[{\"text\":\"Classify: the soup was great\"}]}],"
                        + "\"generationConfig\":{\"temperature\":0,\"responseMimeType\":\"text/x.enum\",\"responseSchema\":"
                        + "{\"type\":\"STRING\",\"enum\":[\"bad\",\"great\"]}}}");
        assertThat(r.at("/candidates/0/content/parts/0/text").asText()).isEqualTo("great");
    }

    /** Gemini's OpenAPI-subset schema to JSON Schema 2020-12 (types lower-cased, nullable, int64 strings). */
    static JsonNode toJsonSchema(JsonNode s) {
        ObjectNode out = Http.JSON.createObjectNode();
        if (s.has("type")) {
            String type = s.get("type").asText().toLowerCase(Locale.ROOT);
            if (s.path("nullable").asBoolean(false)) {
                out.putArray("type").add(type).add("null");
            } else {
                out.put("type", type);
            }
        }
        if (s.has("enum")) {
            out.set("enum", s.get("enum"));
        }
        if (s.has("required")) {
            out.set("required", s.get("required"));
        }
        for (String k : new String[] {"minItems", "maxItems"}) {
            if (s.has(k)) {
                out.put(k, Integer.parseInt(s.get(k).asText()));
            }
        }
        for (String k : new String[] {"minimum", "maximum"}) {
            if (s.has(k)) {
                out.set(k, s.get(k));
            }
        }
        if (s.has("items")) {
            out.set("items", toJsonSchema(s.get("items")));
        }
        if (s.has("properties")) {
            ObjectNode props = out.putObject("properties");
            Iterator<Map.Entry<String, JsonNode>> it = s.get("properties").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                props.set(e.getKey(), toJsonSchema(e.getValue()));
            }
        }
        return out;
    }
}
