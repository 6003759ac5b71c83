package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;

/**
 * A document read into a Jackson tree together with the position of every node, keyed by JSON
 * pointer ({@code ""} for the root, {@code "/cases/0/expect/1"} for a nested node).
 */
record PositionedTree(URI file, JsonNode root, Map<String, SourcePosition> positions) {

    /** The position of the node at {@code pointer}, or of its nearest ancestor that has one. */
    SourcePosition positionOf(String pointer) {
        String p = pointer;
        while (true) {
            SourcePosition pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
            if (p.isEmpty()) {
                return SourcePosition.START;
            }
            int slash = p.lastIndexOf('/');
            p = slash <= 0 ? "" : p.substring(0, slash);
        }
    }

    SuiteProblem problem(String pointer, String message) {
        return new SuiteProblem(file, positionOf(pointer), message);
    }

    static String child(String pointer, String name) {
        return pointer + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
