package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Checks a suite's {@code gate:} block: every candidate and the baseline name a variant, and the baseline is no candidate. */
final class GateBlockCheck {

    private GateBlockCheck() {}

    /** Adds a problem for each gate field that names no variant, and one if the baseline is also a candidate. */
    static void check(PositionedTree tree, Set<String> variants, List<SuiteProblem> problems) {
        JsonNode gate = tree.root().get("gate");
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
                if (!variants.contains(name)) {
                    problems.add(tree.problem(
                            "/gate/" + field + (node.isArray() ? "/" + i : ""),
                            "gate " + field + " '" + name + "' is not a variant in 'models' (variants: "
                                    + String.join(", ", variants) + ")"));
                }
            }
        }
        String baseline = gate.path("baseline").textValue();
        if (baseline != null
                && (baseline.equals(gate.path("candidate").textValue())
                        || contains(gate.path("candidate"), baseline)
                        || contains(gate.path("candidates"), baseline))) {
            problems.add(tree.problem("/gate/baseline", "the gate baseline '" + baseline + "' is also a candidate"));
        }
    }

    private static boolean contains(JsonNode array, String name) {
        for (JsonNode item : array) {
            if (name.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }
}
