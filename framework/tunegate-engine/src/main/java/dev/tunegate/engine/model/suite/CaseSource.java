package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;

/** A case node, the tree it stands in (the suite or a cases file) and its JSON pointer there. */
record CaseSource(PositionedTree tree, String pointer, JsonNode node) {}
