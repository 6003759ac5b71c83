package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The suite-level {@code defaults:} block, which every case starts from. */
final class CaseDefaults {
    final List<MatcherSpec> expect;
    final int repeat;
    final double passThreshold;
    final List<String> tags = new ArrayList<>();
    final ObjectNode vars;

    CaseDefaults(JsonNode node, PositionedTree tree) {
        this.expect = CaseMapper.matchers(tree, "/defaults/expect", node.path("expect"));
        this.repeat = node.path("repeat").asInt(1);
        this.passThreshold = node.path("passThreshold").asDouble(1.0);
        node.path("tags").forEach(t -> tags.add(t.asText()));
        this.vars = node.has("vars") ? (ObjectNode) node.get("vars") : JsonNodeFactory.instance.objectNode();
    }
}
