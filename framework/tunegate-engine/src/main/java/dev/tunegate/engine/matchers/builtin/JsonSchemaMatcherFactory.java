package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.InputStreamSource;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * {@code jsonSchema}: the answer text is JSON valid against a JSON Schema (draft 2020-12 unless the
 * schema's {@code $schema} says otherwise). The schema is inline ({@code {type: object, required:
 * [intent]}}) or a file next to the suite ({@code {$ref: schemas/intent.json}}, JSON or YAML).
 * References inside a schema may point to other files inside the project; remote references are
 * never fetched. The schema itself is checked against its meta-schema at discovery.
 */
@API(status = API.Status.INTERNAL)
public final class JsonSchemaMatcherFactory implements MatcherFactory {
    /** A schema's {@code pattern} runs a regular expression on a plain string, which ignores interrupts. */
    private static final boolean STOPS_WHEN_INTERRUPTED = false;

    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private final Map<Path, SchemaRegistry> registries = new ConcurrentHashMap<>();
    /** Compiled schemas by location and text: suites repeat the same schema in many cases (and defaults). */
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "jsonSchema";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        if (!argument.isObject() && !argument.isBoolean()) {
            throw new MatcherDefinitionException("jsonSchema needs a schema, e.g. {type: object, required: [intent]}, "
                    + "or a file next to the suite, e.g. {$ref: schemas/intent.json}");
        }
        SchemaRegistry registry = registries.computeIfAbsent(context.projectRoot(), JsonSchemaMatcherFactory::registry);
        if (argument.isObject() && argument.size() == 1 && argument.path("$ref").isTextual()) {
            String reference = argument.get("$ref").textValue();
            Path file;
            try {
                file = context.resolveFile(reference);
            } catch (MatcherDefinitionException e) {
                throw new MatcherDefinitionException(e.detail(), "/$ref");
            }
            JsonNode schema = read(file, reference);
            Schema loaded =
                    cached(registry, context, SchemaLocation.of(file.toUri().toString()), schema, reference);
            return new CheckMatcher(
                    "jsonSchema " + reference,
                    List.of(a -> a.textMatchesJsonSchema(loaded, "schema " + reference)),
                    STOPS_WHEN_INTERRUPTED);
        }
        URI base = context.suiteDirectory().resolve("inline-schema.json").toUri();
        Schema loaded = cached(registry, context, SchemaLocation.of(base.toString()), argument, "the inline schema");
        return new CheckMatcher(
                "jsonSchema " + Args.brief(argument),
                List.of(a -> a.textMatchesJsonSchema(loaded, "the schema")),
                STOPS_WHEN_INTERRUPTED);
    }

    private Schema cached(
            SchemaRegistry registry, MatcherContext context, SchemaLocation location, JsonNode schema, String name) {
        String key = context.projectRoot() + "\n" + location + "\n" + schema;
        Schema hit = compiled.get(key);
        if (hit != null) {
            return hit;
        }
        Schema fresh = compile(registry, context, location, schema, name);
        compiled.putIfAbsent(key, fresh);
        return fresh;
    }

    private static SchemaRegistry registry(Path projectRoot) {
        String root = projectRoot.toUri().toString();
        return SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)
                        .resourceLoaders(loaders -> loaders.add(iri -> projectFile(iri, projectRoot)))
                        .allow(iri -> allowed(iri, root))));
    }

    /** Reads {@code file:} references inside the project root; everything else is left to the bundled loaders. */
    private static InputStreamSource projectFile(AbsoluteIri iri, Path projectRoot) {
        String text = iri.toString();
        if (!text.startsWith("file:")) {
            return null;
        }
        Path file;
        try {
            file = Path.of(URI.create(text)).normalize();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!file.startsWith(projectRoot) || !Files.isRegularFile(file)) {
            return null;
        }
        return () -> Files.newInputStream(file);
    }

    /** Files inside the project, and the meta-schemas bundled with the validator; nothing else. */
    private static boolean allowed(AbsoluteIri iri, String projectRootUri) {
        String text = iri.toString();
        return text.startsWith(projectRootUri)
                || text.startsWith("classpath:")
                || text.startsWith("https://json-schema.org/")
                || text.startsWith("http://json-schema.org/");
    }

    private static JsonNode read(Path file, String reference) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        try {
            return (name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON).readTree(file.toFile());
        } catch (IOException e) {
            throw new MatcherDefinitionException(
                    "schema file '" + reference + "' is not valid " + (name.endsWith(".json") ? "JSON" : "JSON or YAML")
                            + ": " + e.getMessage(),
                    "/$ref");
        }
    }

    private static Schema compile(
            SchemaRegistry registry, MatcherContext context, SchemaLocation location, JsonNode schema, String name) {
        String pointerPrefix = name.equals("the inline schema") ? "" : "/$ref";
        checkReferences(schema, location, context, "", name, pointerPrefix);
        if (!schema.has("$schema") || META_SCHEMA.equals(schema.path("$schema").asText())) {
            List<Error> errors =
                    registry.getSchema(SchemaLocation.of(META_SCHEMA)).validate(schema);
            if (!errors.isEmpty()) {
                String list = errors.stream()
                        .map(e -> location(e) + ": " + e.getMessage())
                        .collect(Collectors.joining("; "));
                String first = pointerPrefix.isEmpty()
                        ? errors.get(0).getInstanceLocation().toString()
                        : pointerPrefix;
                throw new MatcherDefinitionException(
                        name + " is not a valid JSON Schema (draft 2020-12): " + list, first.equals("$") ? "" : first);
            }
        }
        try {
            Schema compiled = registry.getSchema(location, schema);
            compiled.initializeValidators();
            return compiled;
        } catch (SchemaException e) {
            String why = String.valueOf(e.getMessage());
            if (why.contains("not allowed to be loaded")) {
                why += " Remote references are never fetched, and files must be inside the project root.";
            }
            throw new MatcherDefinitionException(name + " cannot be loaded: " + why, pointerPrefix);
        } catch (RuntimeException e) {
            throw new MatcherDefinitionException(name + " cannot be loaded: " + e, pointerPrefix);
        }
    }

    /**
     * Refuses references that would leave the project: URLs (never fetched) and relative paths
     * resolving outside the project root. Fragment-only references ({@code #/$defs/x}) are fine.
     */
    private static void checkReferences(
            JsonNode node,
            SchemaLocation base,
            MatcherContext context,
            String pointer,
            String name,
            String pointerPrefix) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String childPointer = pointer + Args.pointer(field.getKey());
                JsonNode value = field.getValue();
                if ((field.getKey().equals("$ref") || field.getKey().equals("$dynamicRef")) && value.isTextual()) {
                    checkReference(
                            value.textValue(),
                            base,
                            context,
                            name,
                            pointerPrefix.isEmpty() ? childPointer : pointerPrefix);
                } else {
                    checkReferences(value, base, context, childPointer, name, pointerPrefix);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkReferences(node.get(i), base, context, pointer + "/" + i, name, pointerPrefix);
            }
        }
    }

    private static void checkReference(
            String reference, SchemaLocation base, MatcherContext context, String name, String pointer) {
        if (reference.startsWith("#")) {
            return;
        }
        URI resolved;
        try {
            resolved = new URI(base.getAbsoluteIri().toString()).resolve(new URI(reference));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new MatcherDefinitionException(name + " has an invalid $ref '" + reference + "'", pointer);
        }
        if (!"file".equals(resolved.getScheme())) {
            throw new MatcherDefinitionException(
                    name + " refers to '" + reference + "', which is remote; remote "
                            + "references are never fetched, so put that schema in a file inside the project and refer to it "
                            + "by a relative path",
                    pointer);
        }
        Path target = Path.of(URI.create(resolved.getScheme() + ":" + resolved.getRawSchemeSpecificPart()))
                .normalize();
        if (!target.startsWith(context.projectRoot())) {
            throw new MatcherDefinitionException(
                    name + " refers to '" + reference + "', outside the project root " + context.projectRoot(),
                    pointer);
        }
        if (!target.toFile().isFile()) {
            throw new MatcherDefinitionException(
                    name + " refers to '" + reference + "', which does not exist (looked for " + target + ")", pointer);
        }
    }

    private static String location(Error error) {
        String location = String.valueOf(error.getInstanceLocation());
        return location.isEmpty() || "$".equals(location) ? "(root)" : location;
    }
}
