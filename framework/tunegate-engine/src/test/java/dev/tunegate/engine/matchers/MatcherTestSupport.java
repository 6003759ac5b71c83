package dev.tunegate.engine.matchers;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.GenerateContentResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Builds matchers from YAML entries (as a suite would) and answers from response JSON. */
abstract class MatcherTestSupport {

    static final MatcherRegistry REGISTRY = MatcherRegistry.load();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper WIRE = GeminiJson.newMapper();

    @TempDir
    Path projectRoot;

    MatcherContext context;

    @BeforeEach
    void createContext() throws IOException {
        Path suites = Files.createDirectories(projectRoot.resolve("suites"));
        context = MatcherContext.of(suites, projectRoot, REGISTRY);
    }

    static JsonNode yaml(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A matcher from one YAML expect entry, e.g. {@code "contains: refund"}. */
    Matcher matcher(String entryYaml) {
        return REGISTRY.create(yaml(entryYaml), context);
    }

    MatcherDefinitionException definitionError(String entryYaml) {
        return catchThrowableOfType(MatcherDefinitionException.class, () -> matcher(entryYaml));
    }

    static AssertionFailedError failure(Matcher matcher, ModelAnswer answer) {
        return catchThrowableOfType(AssertionFailedError.class, () -> matcher.check(answer));
    }

    /** One candidate with this text, finish reason STOP, negligible harassment rating, some usage. */
    static ModelAnswer answer(String text) {
        return answerJson("""
        {"candidates":[{"content":{"role":"model","parts":[{"text":%s}]},"finishReason":"STOP",
          "safetyRatings":[{"category":"HARM_CATEGORY_HARASSMENT","probability":"NEGLIGIBLE"}],"index":0}],
         "usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":5,"totalTokenCount":17}}
        """.formatted(quoteJson(text)));
    }

    static ModelAnswer answerJson(String responseJson) {
        return answerJson(responseJson, Duration.ofMillis(120), null);
    }

    static ModelAnswer answerJson(String responseJson, Duration latency, Duration firstChunk) {
        return new ModelAnswer(response(responseJson), latency, Optional.ofNullable(firstChunk), 0);
    }

    static GenerateContentResponse response(String json) {
        try {
            return WIRE.readValue(json, GenerateContentResponse.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quoteJson(String text) {
        try {
            return new ObjectMapper().writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path write(String relative, String content) {
        try {
            Path file = projectRoot.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
