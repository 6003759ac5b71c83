package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML (or JSON, which is YAML) into a {@link PositionedTree} through Jackson's streaming YAML
 * parser, keeping the line and column of every node. Aliases are expanded (shared, not copied) against a node budget, so
 * a "billion laughs" document fails fast instead of exhausting memory.
 */
final class YamlTreeReader {

    private final YAMLFactory factory;
    private final int maxAliasNodes;

    /** Most levels of nested mappings and lists in a suite. */
    static final int MAX_DEPTH = 64;

    YamlTreeReader(int maxCodePoints, int maxAliasNodes) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxCodePoints);
        options.setMaxAliasesForCollections(Math.max(50, maxAliasNodes));
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setAllowDuplicateKeys(false);
        this.factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .build();
        this.maxAliasNodes = maxAliasNodes;
    }

    PositionedTree read(URI file, String text) throws SuiteException {
        Map<String, SourcePosition> positions = new HashMap<>();
        YAMLParser parser;
        try {
            parser = (YAMLParser) factory.createParser(new StringReader(text));
        } catch (IOException e) {
            throw new SuiteException(
                    new SuiteProblem(file, SourcePosition.START, "malformed YAML: " + firstLine(e.getMessage())));
        }
        try (parser) {
            Builder builder = new Builder(file, parser, positions);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SuiteException(new SuiteProblem(file, SourcePosition.START, "the file is empty"));
            }
            JsonNode root = builder.value("");
            return new PositionedTree(file, root, positions);
        } catch (JsonProcessingException e) {
            throw new SuiteException(new SuiteProblem(
                    file,
                    where(e.getLocation(), parser),
                    "malformed YAML: " + tooDeepOr(condense(e.getOriginalMessage()))));
        } catch (IOException | RuntimeException e) {
            // e.g. SnakeYAML's nesting-depth limit, which carries no position: the parser's is where it happened
            throw new SuiteException(new SuiteProblem(
                    file, where(null, parser), "malformed YAML: " + tooDeepOr(firstLine(e.getMessage()))));
        }
    }

    /**
     * The parser's message, or for the nesting limit (Jackson's or SnakeYAML's, whose messages name their
     * own classes) the limit in the suite's terms.
     */
    private static String tooDeepOr(String message) {
        return message.toLowerCase(java.util.Locale.ROOT).contains("nesting depth")
                ? "nested more than " + MAX_DEPTH + " levels deep"
                : message;
    }

    /** The exception's position, or else where the parser stopped. */
    private static SourcePosition where(JsonLocation location, YAMLParser parser) {
        SourcePosition at = position(location);
        if (at.equals(SourcePosition.START)) {
            SourcePosition current = position(parser.currentLocation());
            return current.equals(SourcePosition.START) ? position(parser.currentTokenLocation()) : current;
        }
        return at;
    }

    static SourcePosition position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourcePosition.START;
        }
        return new SourcePosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
    }

    /** SnakeYAML's multi-line message without the echoed source lines: "while scanning …; found …". */
    static String condense(String message) {
        if (message == null) {
            return "unreadable";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String line : message.split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                parts.add(line.trim());
            }
        }
        return parts.isEmpty() ? message.trim() : String.join("; ", parts);
    }

    /** The first line of a parser's message ("unreadable" when it has none). */
    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** One pass over one document. */
    private final class Builder {
        private final URI file;
        private final YAMLParser parser;
        private final Map<String, SourcePosition> positions;
        private final Map<String, JsonNode> anchors = new HashMap<>();
        private final Map<String, Integer> anchorSizes = new HashMap<>();
        private int nodes;
        private int aliasNodes;

        Builder(URI file, YAMLParser parser, Map<String, SourcePosition> positions) {
            this.file = file;
            this.parser = parser;
            this.positions = positions;
        }

        /** Reads the value at the current token; leaves the parser on its last token. */
        JsonNode value(String pointer) throws IOException, SuiteException {
            SourcePosition pos = position(parser.currentTokenLocation());
            positions.put(pointer, pos);
            if (parser.isCurrentAlias()) {
                String name = parser.getText();
                JsonNode target = anchors.get(name);
                if (target == null) {
                    throw new SuiteException(new SuiteProblem(file, pos, "unknown YAML alias *" + name));
                }
                int size = anchorSizes.get(name);
                nodes += size;
                aliasNodes += size;
                if (aliasNodes > maxAliasNodes) {
                    throw new SuiteException(new SuiteProblem(
                            file,
                            pos,
                            "YAML aliases expand to more than " + maxAliasNodes
                                    + " nodes (an alias bomb?); limit: tunegate.suite.max-alias-nodes"));
                }
                return target;
            }
            String anchor = parser.getCurrentAnchor();
            int before = nodes;
            JsonNode node = switch (parser.currentToken()) {
                case START_OBJECT -> object(pointer);
                case START_ARRAY -> array(pointer);
                case VALUE_STRING -> JsonNodeFactory.instance.textNode(parser.getText());
                case VALUE_NUMBER_INT ->
                    switch (parser.getNumberType()) {
                        case INT -> JsonNodeFactory.instance.numberNode(parser.getIntValue());
                        case LONG -> JsonNodeFactory.instance.numberNode(parser.getLongValue());
                        default -> JsonNodeFactory.instance.numberNode(parser.getBigIntegerValue());
                    };
                case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(parser.getDoubleValue());
                case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
                case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
                case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
                default -> JsonNodeFactory.instance.textNode(parser.getText());
            };
            nodes++;
            if (anchor != null) {
                anchors.put(anchor, node);
                anchorSizes.put(anchor, nodes - before);
            }
            return node;
        }

        private ObjectNode object(String pointer) throws IOException, SuiteException {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                SourcePosition keyPos = position(parser.currentTokenLocation());
                if (object.has(name)) {
                    throw new SuiteException(new SuiteProblem(file, keyPos, "duplicate key '" + name + "'"));
                }
                parser.nextToken();
                object.set(name, value(PositionedTree.child(pointer, name)));
            }
            return object;
        }

        private ArrayNode array(String pointer) throws IOException, SuiteException {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(value(PositionedTree.child(pointer, index++)));
            }
            return array;
        }
    }
}
