package dev.tunegate.engine.matchers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class JsonSchemaMatcherTest extends MatcherTestSupport {

    static final String INTENT_SCHEMA = """
      {"$schema": "https://json-schema.org/draft/2020-12/schema",
       "type": "object", "required": ["intent"],
       "properties": {"intent": {"enum": ["refund", "cancel"]}, "confidence": {"type": "number"}},
       "unevaluatedProperties": false}
      """;

    @Test
    void inlineSchemaPasses() {
        Matcher schema = matcher("jsonSchema: {type: object, required: [intent]}");
        assertThat(failure(schema, answer("{\"intent\": \"refund\"}"))).isNull();
        assertThat(schema.description()).isEqualTo("jsonSchema {\"type\":\"object\",\"required\":[\"intent\"]}");
    }

    @Test
    void failureListsEveryErrorWithItsInstanceLocation() {
        write("suites/schemas/intent.json", INTENT_SCHEMA);
        Matcher schema = matcher("jsonSchema: {$ref: schemas/intent.json}");
        AssertionFailedError error =
                failure(schema, answer("{\"intent\": \"refnd\", \"confidence\": \"high\", \"x\": 1}"));

        assertThat(error.getMessage())
                .startsWith("[jsonSchema schemas/intent.json]")
                .contains("3 errors were found")
                .contains("/intent: ")
                .contains("/confidence: ")
                .contains("string found, number expected");
        assertThat(error.getExpected().getValue()).isEqualTo("JSON valid against schema schemas/intent.json");
        assertThat(error.getActual().getStringRepresentation()).contains("\"refnd\"");
    }

    @Test
    void notJsonFails() {
        AssertionFailedError error = failure(matcher("jsonSchema: {type: object}"), answer("refund"));
        assertThat(error.getMessage()).contains("it is not JSON");
    }

    @Test
    void refToAYamlFileWhichRefersToASiblingFile() {
        write("suites/schemas/answer.yaml", """
        type: object
        required: [intent]
        properties:
          intent: {$ref: 'intent-name.json'}
        """);
        write("suites/schemas/intent-name.json", "{\"type\": \"string\", \"pattern\": \"^[a-z]+$\"}");
        Matcher schema = matcher("jsonSchema: {$ref: schemas/answer.yaml}");
        assertThat(failure(schema, answer("{\"intent\": \"refund\"}"))).isNull();
        assertThat(failure(schema, answer("{\"intent\": \"Refund!\"}")).getMessage())
                .contains("/intent");
    }

    @Test
    void fileReferenceProblemsAreDefinitionErrors() {
        MatcherDefinitionException missing = definitionError("jsonSchema: {$ref: schemas/none.json}");
        assertThat(missing.getMessage()).contains("file 'schemas/none.json' not found");
        assertThat(missing.pointer()).isEqualTo("/jsonSchema/$ref");

        write("outside.json", "{}");
        write("suites/x.json", "{}");
        assertThat(definitionError("jsonSchema: {$ref: x.json}")).isNull();
        // the project root is the temp directory; its parent is outside
        assertThat(definitionError("jsonSchema: {$ref: ../../outside.json}").getMessage())
                .contains("outside the project root");
        assertThat(definitionError("jsonSchema: {$ref: 'https://example.com/s.json'}")
                        .getMessage())
                .contains("remote references are never fetched");

        write("suites/broken.json", "{\"type\": ");
        assertThat(definitionError("jsonSchema: {$ref: broken.json}").getMessage())
                .contains("is not valid JSON");
    }

    @Test
    void invalidSchemaIsADefinitionError() {
        MatcherDefinitionException error = definitionError("jsonSchema: {type: objekt}");
        assertThat(error.getMessage())
                .startsWith("jsonSchema: the inline schema is not a valid JSON Schema (draft 2020-12)");
        assertThat(error.pointer()).startsWith("/jsonSchema");

        assertThat(definitionError("jsonSchema: {required: intent}").getMessage())
                .contains("not a valid JSON Schema");
        assertThat(definitionError("jsonSchema: objekt").getMessage()).contains("jsonSchema needs a schema");

        write("suites/bad.json", "{\"minLength\": -1}");
        assertThat(definitionError("jsonSchema: {$ref: bad.json}").getMessage())
                .contains("bad.json is not a valid JSON Schema");
    }

    @Test
    void nestedRefToAMissingLocalFileIsADefinitionError() {
        MatcherDefinitionException error = definitionError("jsonSchema: {properties: {a: {$ref: 'defs/a.json'}}}");
        assertThat(error.getMessage()).contains("'defs/a.json', which does not exist");
        assertThat(error.pointer()).isEqualTo("/jsonSchema/properties/a/$ref");
    }

    @Test
    void remoteReferencesAreNeverFetched() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            hits.incrementAndGet();
            byte[] body = "{\"type\": \"string\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/intent.json";
            MatcherDefinitionException inline =
                    definitionError("jsonSchema: {properties: {intent: {$ref: '" + url + "'}}}");
            assertThat(inline.getMessage())
                    .contains("remote references are never fetched")
                    .contains(url);
            assertThat(inline.pointer()).isEqualTo("/jsonSchema/properties/intent/$ref");

            // inside a schema file, and behind an $id that makes a relative reference remote
            write(
                    "suites/remote.json",
                    "{\"$id\": \"http://127.0.0.1:" + server.getAddress().getPort()
                            + "/base/\", \"properties\": {\"a\": {\"$ref\": \"" + url + "\"}}}");
            assertThat(definitionError("jsonSchema: {$ref: remote.json}").getMessage())
                    .contains("never fetched");
            write(
                    "suites/relative-remote.json",
                    "{\"$id\": \"http://127.0.0.1:" + server.getAddress().getPort()
                            + "/base/root.json\", \"properties\": {\"a\": {\"$ref\": \"other.json\"}}}");
            write("suites/other.json", "{\"type\": \"string\"}"); // exists locally, but the $id makes the ref remote
            MatcherDefinitionException viaId = definitionError("jsonSchema: {$ref: relative-remote.json}");
            assertThat(viaId.getMessage())
                    .contains("is not allowed to be loaded")
                    .contains("never fetched");
        } finally {
            server.stop(0);
        }
        assertThat(hits).hasValue(0);
    }
}
