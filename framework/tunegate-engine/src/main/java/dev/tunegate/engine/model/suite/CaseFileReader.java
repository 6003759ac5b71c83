package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the file of a {@code casesFrom:} entry (JSONL, CSV or YAML, by its extension) into case
 * sources with their positions in that file, each checked against the case schema.
 */
final class CaseFileReader {

    private final SuiteFiles files;
    private final YamlTreeReader yaml;

    CaseFileReader(SuiteFiles files, YamlTreeReader yaml) {
        this.files = files;
        this.yaml = yaml;
    }

    /**
     * The cases of the file {@code relative} names, referred to from {@code pointer} in {@code suite};
     * none once any problem is known (those of the file are added to {@code problems}).
     */
    List<CaseSource> read(PositionedTree suite, String relative, String pointer, List<SuiteProblem> problems) {
        URI file;
        try {
            file = files.resolve(suite.file(), relative);
        } catch (IllegalArgumentException e) {
            problems.add(suite.problem(pointer, "casesFrom " + e.getMessage()));
            return List.of();
        }
        try {
            String text = new String(
                    files.readReferenced(file, suite.file(), suite.positionOf(pointer)), StandardCharsets.UTF_8);
            List<CaseSource> sources = switch (SuiteFiles.extension(file)) {
                case "jsonl" -> jsonl(file, text, problems);
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

    /** One case a line; a line that is not a JSON object is a problem and the others are still read. */
    private static List<CaseSource> jsonl(URI file, String text, List<SuiteProblem> problems) {
        Cases cases = new Cases(file);
        for (RecordFiles.Row row : RecordFiles.jsonLines(text)) {
            if (row.isMalformed()) {
                problems.add(new SuiteProblem(
                        file, new SourcePosition(row.line(), row.column()), "malformed JSON: " + row.malformed()));
                continue;
            }
            SourcePosition at = new SourcePosition(row.line(), 1);
            String pointer = cases.add(row.value(), at);
            if (!row.value().isObject()) {
                problems.add(new SuiteProblem(file, at, "each line must be one JSON object (a case)"));
                continue;
            }
            cases.sources.add(new CaseSource(cases.tree, pointer, row.value()));
        }
        return cases.sources;
    }

    /**
     * One case a row: the columns {@code id}, {@code prompt}, {@code tags} (separated by {@code |},
     * {@code ;} or blanks), {@code expect} (YAML), {@code repeat} and {@code passThreshold}; any other
     * column is a var. Empty cells are left out. The first row that cannot be read ends the file.
     */
    private List<CaseSource> csv(URI file, String text) throws SuiteException {
        Cases cases = new Cases(file);
        for (RecordFiles.Row row : RecordFiles.csvRows(text)) {
            if (row.isMalformed()) {
                throw new SuiteException(new SuiteProblem(
                        file, new SourcePosition(row.line(), row.column()), "malformed CSV: " + row.malformed()));
            }
            ObjectNode node;
            try {
                node = csvCase(file, row.value());
            } catch (RuntimeException e) {
                throw new SuiteException(new SuiteProblem(
                        file, SourcePosition.START, "malformed CSV: " + YamlTreeReader.firstLine(e.getMessage())));
            }
            String pointer = cases.add(node, new SourcePosition(row.line(), 1));
            cases.sources.add(new CaseSource(cases.tree, pointer, node));
        }
        return cases.sources;
    }

    private ObjectNode csvCase(URI file, JsonNode row) throws SuiteException {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode vars = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> cell : row.properties()) {
            String value = cell.getValue().textValue();
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
                case "expect" -> node.set("expect", yaml.read(file, value).root());
                case "repeat" -> node.put("repeat", parseNumber(value).intValue());
                case "passThreshold" ->
                    node.put("passThreshold", parseNumber(value).doubleValue());
                default -> vars.put(cell.getKey(), value);
            }
        }
        if (!vars.isEmpty()) {
            node.set("vars", vars);
        }
        return node;
    }

    private static Number parseNumber(String value) {
        try {
            return Double.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
    }

    /** A YAML list of cases, or a mapping with {@code cases:}. */
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

    /** The cases of a JSONL or CSV file as one positioned tree: an array with an entry a record. */
    private static final class Cases {
        final ArrayNode array = JsonNodeFactory.instance.arrayNode();
        final Map<String, SourcePosition> positions = new HashMap<>();
        final PositionedTree tree;
        final List<CaseSource> sources = new ArrayList<>();

        Cases(URI file) {
            this.tree = new PositionedTree(file, array, positions);
        }

        /** Adds a record at {@code at} and returns its pointer. */
        String add(JsonNode node, SourcePosition at) {
            String pointer = "/" + array.size();
            array.add(node);
            positions.put(pointer, at);
            return pointer;
        }
    }
}
