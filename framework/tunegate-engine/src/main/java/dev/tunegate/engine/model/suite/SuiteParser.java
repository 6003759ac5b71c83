package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Reads a {@code *.eval.yaml} file into an {@link EvalSuite}: YAML with positions, a check against
 * {@link SuiteSchema}, {@code casesFrom} expansion, template and reference checks. Every problem
 * found is reported together, each with its file, line and column.
 */
@API(status = API.Status.INTERNAL)
public final class SuiteParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CsvMapper CSV = new CsvMapper();
    private static final Set<String> CSV_COLUMNS = Set.of("id", "prompt", "tags", "expect", "repeat", "passThreshold");

    private final SuiteFiles files;
    private final YamlTreeReader yaml;

    /**
     * @param files    how files are found and read
     * @param maxBytes      largest document, in bytes (also enforced by {@code files})
     * @param maxAliasNodes the most nodes YAML aliases may add to a document (alias-bomb protection)
     */
    public SuiteParser(SuiteFiles files, long maxBytes, int maxAliasNodes) {
        this.files = files;
        this.yaml = new YamlTreeReader((int) Math.min(Integer.MAX_VALUE, maxBytes), maxAliasNodes);
    }

    /** Parses and checks one suite. */
    public EvalSuite parse(URI location) throws SuiteException {
        byte[] bytes = read(location, location, SourcePosition.START);
        PositionedTree tree = yaml.read(location, new String(bytes, StandardCharsets.UTF_8));
        if (!tree.root().isObject()) {
            throw new SuiteException(tree.problem("", "a suite is a YAML mapping with 'models' and 'cases'"));
        }
        List<SuiteProblem> problems = new ArrayList<>(SuiteSchema.get().check(tree));
        if (!problems.isEmpty()) {
            throw sorted(problems);
        }
        return new Builder(location, tree, problems).build(sha256(bytes));
    }

    private byte[] read(URI file, URI referencedFrom, SourcePosition at) throws SuiteException {
        try {
            return files.readBytes(file);
        } catch (NoSuchFileException e) {
            throw new SuiteException(
                    new SuiteProblem(referencedFrom, at, "file not found: " + SuiteLocations.display(file)));
        } catch (IOException e) {
            throw new SuiteException(new SuiteProblem(
                    referencedFrom, at, "cannot read " + SuiteLocations.display(file) + ": " + e.getMessage()));
        }
    }

    private static SuiteException sorted(List<SuiteProblem> problems) {
        List<SuiteProblem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparing((SuiteProblem p) -> p.file().toString())
                .thenComparingInt(p -> p.position().line())
                .thenComparingInt(p -> p.position().column()));
        return new SuiteException(copy);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds one suite from its checked tree, collecting problems. */
    private final class Builder {
        private final URI location;
        private final PositionedTree tree;
        private final List<SuiteProblem> problems;
        private final JsonNode root;

        Builder(URI location, PositionedTree tree, List<SuiteProblem> problems) {
            this.location = location;
            this.tree = tree;
            this.problems = problems;
            this.root = tree.root();
        }

        EvalSuite build(String hash) throws SuiteException {
            String name = root.hasNonNull("suite") ? root.get("suite").asText() : defaultName(location);
            ObjectNode generationConfig =
                    root.has("generationConfig") ? (ObjectNode) root.get("generationConfig") : null;
            Map<String, ModelVariant> variants = variants(generationConfig);
            JsonNode systemInstruction = root.get("systemInstruction");
            if (systemInstruction != null && systemInstruction.isTextual()) {
                systemInstruction = textContent(systemInstruction.asText());
            }
            JsonNode defaults = root.path("defaults");
            List<EvalCase> cases = cases(defaults);
            Optional<JsonNode> gate = Optional.ofNullable(root.get("gate"));
            if (gate.isPresent()) {
                checkGate(variants);
            }
            if (!problems.isEmpty()) {
                throw sorted(problems);
            }
            return new EvalSuite(
                    location,
                    name,
                    variants,
                    generationConfig,
                    root.get("safetySettings"),
                    systemInstruction,
                    root.get("tools"),
                    root.get("toolConfig"),
                    List.copyOf(cases),
                    gate,
                    hash,
                    tree.positionOf(""));
        }

        private Map<String, ModelVariant> variants(ObjectNode generationConfig) {
            Map<String, ModelVariant> variants = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.get("models").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String pointer = PositionedTree.child("/models", entry.getKey());
                JsonNode spec = entry.getValue();
                ObjectNode config =
                        generationConfig == null ? JsonNodeFactory.instance.objectNode() : generationConfig.deepCopy();
                if (spec.isTextual()) {
                    variants.put(
                            entry.getKey(),
                            new ModelVariant(
                                    entry.getKey(),
                                    spec.asText(),
                                    Optional.empty(),
                                    config,
                                    Optional.empty(),
                                    tree.positionOf(pointer)));
                    continue;
                }
                if (spec.has("generationConfig")) {
                    config.setAll((ObjectNode) spec.get("generationConfig"));
                }
                Optional<TuneSpec> tune = spec.has("tune")
                        ? Optional.ofNullable(tune(spec.get("tune"), pointer + "/tune"))
                        : Optional.empty();
                variants.put(
                        entry.getKey(),
                        new ModelVariant(
                                entry.getKey(),
                                spec.get("model").asText(),
                                Optional.ofNullable(spec.path("role").textValue()),
                                config,
                                tune,
                                tree.positionOf(pointer)));
                if (tune.isPresent() && !spec.get("model").asText().startsWith("tunedModels/")) {
                    problems.add(tree.problem(
                            pointer + "/model",
                            "a variant with 'tune' must name a tunedModels/… model, not '"
                                    + spec.get("model").asText() + "'"));
                }
            }
            return variants;
        }

        private TuneSpec tune(JsonNode node, String pointer) {
            URI data = existingFile(node.get("trainingData").asText(), pointer + "/trainingData");
            if (data == null) {
                return null;
            }
            return new TuneSpec(
                    node.get("baseModel").asText(),
                    data,
                    node.get("hyperparameters"),
                    Optional.ofNullable(node.path("displayName").textValue()),
                    Optional.ofNullable(node.path("description").textValue()),
                    tree.positionOf(pointer));
        }

        private URI existingFile(String relative, String pointer) {
            URI uri;
            try {
                uri = files.resolve(location, relative);
            } catch (IllegalArgumentException e) {
                problems.add(tree.problem(pointer, e.getMessage()));
                return null;
            }
            try {
                files.readBytes(uri);
                return uri;
            } catch (NoSuchFileException e) {
                problems.add(tree.problem(
                        pointer, "file not found: " + relative + " (resolved to " + SuiteLocations.display(uri) + ")"));
            } catch (IOException e) {
                problems.add(tree.problem(pointer, "cannot read " + relative + ": " + e.getMessage()));
            }
            return null;
        }

        private List<EvalCase> cases(JsonNode defaults) {
            Defaults d = new Defaults(defaults, tree);
            List<EvalCase> cases = new ArrayList<>();
            Map<String, EvalCase> byId = new HashMap<>();
            JsonNode list = root.path("cases");
            for (int i = 0; i < list.size(); i++) {
                String pointer = PositionedTree.child("/cases", i);
                JsonNode entry = list.get(i);
                if (entry.has("casesFrom")) {
                    for (CaseSource source : casesFrom(entry.get("casesFrom").asText(), pointer + "/casesFrom")) {
                        addCase(source, d, cases, byId);
                    }
                } else {
                    addCase(new CaseSource(tree, pointer, entry), d, cases, byId);
                }
            }
            return cases;
        }

        private void addCase(CaseSource source, Defaults defaults, List<EvalCase> cases, Map<String, EvalCase> byId) {
            EvalCase built = evalCase(source, defaults);
            if (built == null) {
                return;
            }
            EvalCase first = byId.putIfAbsent(built.id(), built);
            if (first != null) {
                problems.add(new SuiteProblem(
                        built.file(),
                        built.position(),
                        "duplicate case id '" + built.id() + "' (first used at " + SuiteLocations.display(first.file())
                                + ":" + first.position().line() + ")"));
                return;
            }
            cases.add(built);
        }

        private EvalCase evalCase(CaseSource source, Defaults defaults) {
            PositionedTree t = source.tree();
            JsonNode node = source.node();
            String pointer = source.pointer();
            ObjectNode vars = defaults.vars.deepCopy();
            if (node.has("vars")) {
                vars.setAll((ObjectNode) node.get("vars"));
            }
            Optional<String> prompt = Optional.ofNullable(node.path("prompt").textValue());
            JsonNode contents = node.get("contents");
            checkTemplates(t, pointer, prompt, contents, vars);
            Set<String> tags = new LinkedHashSet<>(defaults.tags);
            node.path("tags").forEach(tag -> tags.add(tag.asText()));
            List<MatcherSpec> expect = new ArrayList<>(defaults.expect);
            expect.addAll(matchers(t, pointer + "/expect", node.path("expect")));
            int repeat = node.has("repeat") ? node.get("repeat").asInt() : defaults.repeat;
            double threshold =
                    node.has("passThreshold") ? node.get("passThreshold").asDouble() : defaults.passThreshold;
            return new EvalCase(
                    node.get("id").asText(),
                    t.file(),
                    t.positionOf(pointer),
                    prompt,
                    contents,
                    vars,
                    List.copyOf(tags),
                    List.copyOf(expect),
                    repeat,
                    threshold);
        }

        private void checkTemplates(
                PositionedTree t, String pointer, Optional<String> prompt, JsonNode contents, ObjectNode vars) {
            if (prompt.isPresent()) {
                checkTemplate(t, pointer + "/prompt", prompt.get(), vars);
            }
            if (contents != null) {
                for (int c = 0; c < contents.size(); c++) {
                    JsonNode parts = contents.get(c).path("parts");
                    for (int p = 0; p < parts.size(); p++) {
                        if (parts.get(p).has("text")) {
                            checkTemplate(
                                    t,
                                    pointer + "/contents/" + c + "/parts/" + p + "/text",
                                    parts.get(p).get("text").asText(),
                                    vars);
                        }
                    }
                }
            }
        }

        private void checkTemplate(PositionedTree t, String pointer, String text, ObjectNode vars) {
            try {
                for (PromptTemplate.Undefined undefined :
                        PromptTemplate.compile(text).undefined(vars)) {
                    String known = vars.isEmpty() ? "" : " (vars: " + String.join(", ", names(vars)) + ")";
                    problems.add(t.problem(
                            pointer,
                            undefined.sections().isEmpty()
                                    ? "the template uses " + undefined.tag() + " but the case has no var '"
                                            + undefined.name() + "'" + known
                                    : "the template uses " + undefined.tag() + " inside "
                                            + String.join("", undefined.sections())
                                            + " but neither the case nor the section's value has '" + undefined.name()
                                            + "'" + known));
                }
            } catch (IllegalArgumentException e) {
                problems.add(t.problem(pointer, e.getMessage()));
            }
        }

        private List<CaseSource> casesFrom(String relative, String pointer) {
            URI file;
            try {
                file = files.resolve(location, relative);
            } catch (IllegalArgumentException e) {
                problems.add(tree.problem(pointer, "casesFrom " + e.getMessage()));
                return List.of();
            }
            try {
                String text = new String(read(file, location, tree.positionOf(pointer)), StandardCharsets.UTF_8);
                List<CaseSource> sources = switch (SuiteFiles.extension(file)) {
                    case "jsonl" -> jsonl(file, text);
                    case "csv" -> csv(file, text);
                    default -> yamlCases(file, text);
                };
                for (CaseSource source : sources) {
                    problems.addAll(SuiteSchema.get().checkCase(source.tree(), source.pointer(), source.node()));
                }
                return problems.isEmpty() ? sources : List.of();
            } catch (SuiteException e) {
                problems.addAll(e.problems());
                return List.of();
            }
        }

        private List<CaseSource> jsonl(URI file, String text) {
            String[] lines = text.split("\r?\n", -1);
            ArrayNode rootArray = JsonNodeFactory.instance.arrayNode();
            Map<String, SourcePosition> positions = new HashMap<>();
            PositionedTree t = new PositionedTree(file, rootArray, positions);
            List<CaseSource> sources = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                SourcePosition at = new SourcePosition(i + 1, 1);
                try {
                    JsonNode node = JSON.readTree(lines[i]);
                    String pointer = "/" + rootArray.size();
                    rootArray.add(node);
                    positions.put(pointer, at);
                    if (!node.isObject()) {
                        problems.add(new SuiteProblem(file, at, "each line must be one JSON object (a case)"));
                        continue;
                    }
                    sources.add(new CaseSource(t, pointer, node));
                } catch (JsonProcessingException e) {
                    int column = e.getLocation() == null
                            ? 1
                            : Math.max(1, e.getLocation().getColumnNr());
                    problems.add(new SuiteProblem(
                            file, new SourcePosition(i + 1, column), "malformed JSON: " + e.getOriginalMessage()));
                }
            }
            return sources;
        }

        private List<CaseSource> csv(URI file, String text) throws SuiteException {
            ArrayNode rootArray = JsonNodeFactory.instance.arrayNode();
            Map<String, SourcePosition> positions = new HashMap<>();
            PositionedTree t = new PositionedTree(file, rootArray, positions);
            List<CaseSource> sources = new ArrayList<>();
            CsvSchema schema = CsvSchema.emptySchema().withHeader();
            try (MappingIterator<Map<String, String>> rows =
                    CSV.readerForMapOf(String.class).with(schema).readValues(text)) {
                while (rows.hasNextValue()) {
                    SourcePosition at = YamlTreeReader.position(rows.getParser().currentLocation());
                    Map<String, String> row = rows.nextValue();
                    at = new SourcePosition(Math.max(2, at.line()), 1);
                    ObjectNode node = JsonNodeFactory.instance.objectNode();
                    ObjectNode vars = JsonNodeFactory.instance.objectNode();
                    for (Map.Entry<String, String> cell : row.entrySet()) {
                        String value = cell.getValue();
                        if (value == null || value.isEmpty()) {
                            continue;
                        }
                        switch (cell.getKey()) {
                            case "id", "prompt" -> node.put(cell.getKey(), value);
                            case "tags" -> {
                                ArrayNode tags = node.putArray("tags");
                                for (String tag : value.trim().split("[|;\\s]+")) {
                                    tags.add(tag);
                                }
                            }
                            case "expect" ->
                                node.set("expect", yaml.read(file, value).root());
                            case "repeat" ->
                                node.put("repeat", parseNumber(value).intValue());
                            case "passThreshold" ->
                                node.put("passThreshold", parseNumber(value).doubleValue());
                            default -> vars.put(cell.getKey(), value);
                        }
                    }
                    if (!vars.isEmpty()) {
                        node.set("vars", vars);
                    }
                    String pointer = "/" + rootArray.size();
                    rootArray.add(node);
                    positions.put(pointer, at);
                    sources.add(new CaseSource(t, pointer, node));
                }
            } catch (SuiteException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                SourcePosition at = e instanceof JsonProcessingException j
                        ? YamlTreeReader.position(j.getLocation())
                        : SourcePosition.START;
                throw new SuiteException(new SuiteProblem(file, at, "malformed CSV: " + firstLine(e.getMessage())));
            }
            return sources;
        }

        private Number parseNumber(String value) {
            try {
                return Double.valueOf(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a number");
            }
        }

        private List<CaseSource> yamlCases(URI file, String text) throws SuiteException {
            PositionedTree t = yaml.read(file, text);
            JsonNode list = t.root();
            String base = "";
            if (list.isObject() && list.has("cases")) {
                list = list.get("cases");
                base = "/cases";
            }
            if (!list.isArray()) {
                throw new SuiteException(
                        t.problem(base, "a cases file is a YAML list of cases (or a mapping with 'cases:')"));
            }
            List<CaseSource> sources = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                sources.add(new CaseSource(t, PositionedTree.child(base, i), list.get(i)));
            }
            return sources;
        }

        private void checkGate(Map<String, ModelVariant> variants) {
            JsonNode gate = root.get("gate");
            for (String field : List.of("candidate", "candidates", "baseline")) {
                JsonNode node = gate.get(field);
                if (node == null) {
                    continue;
                }
                List<JsonNode> items = new ArrayList<>();
                if (node.isArray()) {
                    node.forEach(items::add);
                } else {
                    items.add(node);
                }
                for (int i = 0; i < items.size(); i++) {
                    String name = items.get(i).asText();
                    if (!variants.containsKey(name)) {
                        problems.add(tree.problem(
                                "/gate/" + field + (node.isArray() ? "/" + i : ""),
                                "gate " + field + " '" + name + "' is not a variant in 'models' (variants: "
                                        + String.join(", ", variants.keySet()) + ")"));
                    }
                }
            }
            String baseline = gate.path("baseline").textValue();
            if (baseline != null
                    && (baseline.equals(gate.path("candidate").textValue())
                            || contains(gate.path("candidate"), baseline)
                            || contains(gate.path("candidates"), baseline))) {
                problems.add(
                        tree.problem("/gate/baseline", "the gate baseline '" + baseline + "' is also a candidate"));
            }
        }

        private boolean contains(JsonNode array, String name) {
            for (JsonNode item : array) {
                if (name.equals(item.asText())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The suite-level {@code defaults:} block. */
    private static final class Defaults {
        final List<MatcherSpec> expect;
        final int repeat;
        final double passThreshold;
        final List<String> tags = new ArrayList<>();
        final ObjectNode vars;

        Defaults(JsonNode node, PositionedTree tree) {
            this.expect = matchers(tree, "/defaults/expect", node.path("expect"));
            this.repeat = node.path("repeat").asInt(1);
            this.passThreshold = node.path("passThreshold").asDouble(1.0);
            node.path("tags").forEach(t -> tags.add(t.asText()));
            this.vars = node.has("vars") ? (ObjectNode) node.get("vars") : JsonNodeFactory.instance.objectNode();
        }
    }

    /** A case node and where it is. */
    private record CaseSource(PositionedTree tree, String pointer, JsonNode node) {}

    private static List<MatcherSpec> matchers(PositionedTree tree, String pointer, JsonNode list) {
        List<MatcherSpec> specs = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            SourcePosition at = tree.positionOf(PositionedTree.child(pointer, i));
            if (entry.isTextual()) {
                specs.add(new MatcherSpec(entry.asText(), JsonNodeFactory.instance.nullNode(), tree.file(), at));
            } else {
                Map.Entry<String, JsonNode> only = entry.fields().next();
                specs.add(new MatcherSpec(only.getKey(), only.getValue(), tree.file(), at));
            }
        }
        return specs;
    }

    private static JsonNode textContent(String text) {
        ObjectNode content = JsonNodeFactory.instance.objectNode();
        content.putArray("parts").addObject().put("text", text);
        return content;
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static String defaultName(URI location) {
        String path = location.getPath() == null ? location.getSchemeSpecificPart() : location.getPath();
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.replaceFirst("(?i)\\.eval\\.ya?ml$", "");
    }
}
