package dev.tunegate.engine.jupiter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.MatcherSpec;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.SourcePosition;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.TuneSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Reads a {@link TuneGateEval} class as the suite it stands for: its {@link Variant}s, its {@link Gate} and one case
 * per {@link ModelTest} method (id = the method name, tags = its JUnit tags), at location
 * {@code class:<binary name>}, so that the run record, the gate and the reports treat it like a YAML suite.
 */
final class JavaEvalSuites {

    /** The matcher a Java case's verdict is reported under: the test method's own assertions. */
    static final String ASSERTIONS = "java";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private JavaEvalSuites() {}

    /** The location of a Java eval class in reports and the run record. */
    static URI location(Class<?> testClass) {
        return URI.create("class:" + testClass.getName());
    }

    /** The {@code @ModelTest} methods of a class, in the order Jupiter finds them. */
    static List<Method> modelTests(Class<?> testClass) {
        return AnnotationSupport.findAnnotatedMethods(testClass, ModelTest.class, HierarchyTraversalMode.TOP_DOWN);
    }

    /** The suite of {@code testClass}; throws {@link IllegalArgumentException} naming what is wrong. */
    static EvalSuite of(Class<?> testClass, TuneGateConfiguration config) {
        TuneGateEval annotation = AnnotationSupport.findAnnotation(testClass, TuneGateEval.class)
                .orElseThrow(() -> new IllegalArgumentException(testClass.getName() + " is not a @TuneGateEval class"));
        URI location = location(testClass);
        String name = annotation.suite().isBlank() ? testClass.getSimpleName() : annotation.suite();
        ObjectNode suiteConfig = object(annotation.generationConfig(), testClass.getName() + " generationConfig");
        Map<String, ModelVariant> variants = new LinkedHashMap<>();
        for (Variant v : AnnotationSupport.findRepeatableAnnotations(testClass, Variant.class)) {
            ModelVariant variant = variant(testClass, v, suiteConfig);
            if (variants.put(variant.name(), variant) != null) {
                throw new IllegalArgumentException(testClass.getName() + " declares variant '" + v.name() + "' twice");
            }
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException(testClass.getName()
                    + " has no @Variant: declare the models to compare, e.g."
                    + " @Variant(name = \"v1\", model = \"models/gemini-1.5-flash-001\")");
        }
        config.comparison().modelOverrides().forEach((variant, model) -> {
            if (variants.containsKey(variant)) {
                variants.put(variant, variants.get(variant).overriddenBy(model));
            }
        });
        List<EvalCase> cases = new ArrayList<>();
        for (Method method : modelTests(testClass)) {
            cases.add(new EvalCase(
                    method.getName(),
                    location,
                    SourcePosition.START,
                    Optional.empty(),
                    JsonNodeFactory.instance.arrayNode(),
                    JsonNodeFactory.instance.objectNode(),
                    tags(testClass, method),
                    List.of(new MatcherSpec(ASSERTIONS, NullNode.getInstance(), location, SourcePosition.START)),
                    1,
                    1.0));
        }
        JsonNode systemInstruction = annotation.systemInstruction().isBlank()
                ? null
                : JSON.createObjectNode()
                        .set(
                                "parts",
                                JSON.createArrayNode()
                                        .add(JSON.createObjectNode().put("text", annotation.systemInstruction())));
        return new EvalSuite(
                location,
                name,
                variants,
                suiteConfig.isEmpty() ? null : suiteConfig,
                null,
                systemInstruction,
                null,
                null,
                cases,
                AnnotationSupport.findAnnotation(testClass, Gate.class).map(JavaEvalSuites::gate),
                contentHash(testClass),
                SourcePosition.START,
                Optional.empty());
    }

    private static ModelVariant variant(Class<?> testClass, Variant v, ObjectNode suiteConfig) {
        if (!NAME.matcher(v.name()).matches()) {
            throw new IllegalArgumentException(testClass.getName() + ": variant name '" + v.name()
                    + "' may only hold letters, digits, '_', '.' and '-'");
        }
        if (v.model().isBlank()) {
            throw new IllegalArgumentException(testClass.getName() + ": variant '" + v.name() + "' names no model");
        }
        ObjectNode generationConfig = suiteConfig.deepCopy();
        generationConfig.setAll(object(v.generationConfig(), "variant '" + v.name() + "' generationConfig"));
        Optional<TuneSpec> tune = Optional.empty();
        if (!v.trainingData().isBlank()) {
            if (v.tuneBaseModel().isBlank()) {
                throw new IllegalArgumentException(testClass.getName() + ": variant '" + v.name()
                        + "' has trainingData but no tuneBaseModel (the model to tune)");
            }
            String resource =
                    v.trainingData().startsWith("/") ? v.trainingData().substring(1) : v.trainingData();
            ObjectNode hyperparameters = object(v.hyperparameters(), "variant '" + v.name() + "' hyperparameters");
            tune = Optional.of(new TuneSpec(
                    v.tuneBaseModel(),
                    SuiteFiles.classpathUri(resource),
                    hyperparameters.isEmpty() ? null : hyperparameters,
                    Optional.empty(),
                    Optional.empty(),
                    SourcePosition.START));
        }
        Optional<String> role = v.role() == VariantRole.DEFAULT
                ? Optional.empty()
                : Optional.of(v.role().name().toLowerCase(Locale.ROOT));
        return new ModelVariant(v.name(), v.model(), role, generationConfig, tune, SourcePosition.START)
                .withReplayOnly(v.replayOnly());
    }

    /** The gate block a YAML suite would write for {@code gate}. */
    private static JsonNode gate(Gate gate) {
        ObjectNode node = JSON.createObjectNode();
        if (gate.candidate().length == 1) {
            node.put("candidate", gate.candidate()[0]);
        } else {
            node.set("candidates", JSON.valueToTree(List.of(gate.candidate())));
        }
        if (!gate.baseline().isBlank()) {
            node.put("baseline", gate.baseline());
        }
        if (gate.minPassRate() >= 0) {
            node.put("minPassRate", gate.minPassRate());
        }
        if (gate.maxRegressions() >= 0) {
            node.put("maxRegressions", gate.maxRegressions());
        }
        if (!Double.isNaN(gate.minImprovement())) {
            node.put("minImprovement", gate.minImprovement());
        }
        if (gate.mustPass().length > 0) {
            node.set("mustPass", JSON.valueToTree(List.of(gate.mustPass())));
        }
        return node;
    }

    private static List<String> tags(Class<?> testClass, Method method) {
        Set<String> tags = new LinkedHashSet<>();
        AnnotationSupport.findRepeatableAnnotations(testClass, Tag.class).forEach(t -> tags.add(t.value()));
        AnnotationSupport.findRepeatableAnnotations(method, Tag.class).forEach(t -> tags.add(t.value()));
        return List.copyOf(tags);
    }

    private static ObjectNode object(String json, String what) {
        if (json.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            if (JSON.readTree(json) instanceof ObjectNode node) {
                return node;
            }
            throw new IllegalArgumentException(what + " is not a JSON object: " + json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** SHA-256 of the class file: the suite's content hash (recordings and summaries say which version ran). */
    private static String contentHash(Class<?> testClass) {
        try (InputStream in = testClass.getResourceAsStream(
                testClass.getName().substring(testClass.getName().lastIndexOf('.') + 1) + ".class")) {
            byte[] bytes = in == null ? testClass.getName().getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
