package dev.tunegate.engine.model.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a suite's {@code gate:} block (as a Jackson tree) into a {@link GatePolicy}. Errors are
 * {@link IllegalArgumentException}s whose message names the offending field, e.g.
 * {@code gate.maxRegressions.byTag.critical must be a whole number}.
 */
final class GatePolicyReader {

    private static final Set<String> FIELDS = Set.of(
            "candidate",
            "candidates",
            "baseline",
            "minPassRate",
            "mustPass",
            "maxRegressions",
            "minImprovement",
            "nonInferiority",
            "confidence",
            "minWinRate",
            "winRateNonInferiority",
            "inconclusive");

    private GatePolicyReader() {}

    /** Reads the gate block; a missing or null node means strict mode. */
    public static GatePolicy read(JsonNode gate) {
        if (gate == null || gate.isNull() || gate.isMissingNode()) {
            return GatePolicy.strictMode();
        }
        if (!gate.isObject()) {
            throw new IllegalArgumentException("gate must be a mapping");
        }
        for (Iterator<String> names = gate.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("gate." + name + " is not a gate field (expected one of "
                        + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        List<String> candidates = new ArrayList<>(strings(gate.get("candidate"), "gate.candidate"));
        candidates.addAll(strings(gate.get("candidates"), "gate.candidates"));
        if (gate.has("minWinRate")) {
            double minWinRate = number(gate.get("minWinRate"), "gate.minWinRate");
            if (minWinRate < 0 || minWinRate > 1) {
                throw new IllegalArgumentException("gate.minWinRate must be in [0, 1], but was " + minWinRate);
            }
        }
        JsonNode winRate = gate.get("winRateNonInferiority");
        if (winRate != null && !winRate.isNull()) {
            if (!winRate.isObject() || !winRate.has("margin")) {
                throw new IllegalArgumentException(
                        "gate.winRateNonInferiority must be {margin: 0.1, confidence: 0.95}");
            }
            double margin = number(winRate.get("margin"), "gate.winRateNonInferiority.margin");
            if (margin < 0 || margin > 0.5) {
                throw new IllegalArgumentException(
                        "gate.winRateNonInferiority.margin must be in [0, 0.5], but was " + margin);
            }
            if (winRate.has("confidence")) {
                double level = number(winRate.get("confidence"), "gate.winRateNonInferiority.confidence");
                if (!(level > 0 && level < 1)) {
                    throw new IllegalArgumentException(
                            "gate.winRateNonInferiority.confidence must be in (0, 1), but was " + level);
                }
            }
            for (Iterator<String> names = winRate.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("margin") && !name.equals("confidence")) {
                    throw new IllegalArgumentException(
                            "gate.winRateNonInferiority." + name + " is not allowed (use margin, confidence)");
                }
            }
        }
        double confidence = gate.has("confidence")
                ? number(gate.get("confidence"), "gate.confidence")
                : GatePolicy.DEFAULT_CONFIDENCE;
        return new GatePolicy(
                candidates,
                gate.has("baseline") ? text(gate.get("baseline"), "gate.baseline") : null,
                gate.has("minPassRate") ? number(gate.get("minPassRate"), "gate.minPassRate") : null,
                strings(gate.get("mustPass"), "gate.mustPass"),
                regressionLimit(gate.get("maxRegressions")),
                gate.has("minImprovement") ? number(gate.get("minImprovement"), "gate.minImprovement") : null,
                nonInferiority(gate.get("nonInferiority"), confidence),
                confidence,
                false,
                excludeInconclusive(gate.get("inconclusive")));
    }

    private static Boolean excludeInconclusive(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() && node.asText().equals("exclude")) {
            return Boolean.TRUE;
        }
        if (node.isTextual() && node.asText().equals("fail")) {
            return null;
        }
        throw new IllegalArgumentException("gate.inconclusive must be fail (the default: an inconclusive case counts"
                + " as a failure) or exclude (left out of the gate), but was " + node);
    }

    private static GatePolicy.RegressionLimit regressionLimit(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return new GatePolicy.RegressionLimit(whole(node, "gate.maxRegressions"), Map.of());
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(
                    "gate.maxRegressions must be a whole number or {total: N, byTag: {tag: N}}");
        }
        Integer total = node.has("total") ? whole(node.get("total"), "gate.maxRegressions.total") : null;
        Map<String, Integer> byTag = new LinkedHashMap<>();
        JsonNode tags = node.get("byTag");
        if (tags != null && !tags.isNull()) {
            if (!tags.isObject()) {
                throw new IllegalArgumentException("gate.maxRegressions.byTag must be a mapping of tag to number");
            }
            tags.fields()
                    .forEachRemaining(
                            e -> byTag.put(e.getKey(), whole(e.getValue(), "gate.maxRegressions.byTag." + e.getKey())));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("total") && !name.equals("byTag")) {
                throw new IllegalArgumentException(
                        "gate.maxRegressions." + name + " is not allowed (use total, byTag)");
            }
        }
        return new GatePolicy.RegressionLimit(total, byTag);
    }

    private static GatePolicy.NonInferiority nonInferiority(JsonNode node, double defaultConfidence) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || !node.has("margin")) {
            throw new IllegalArgumentException("gate.nonInferiority must be {margin: 0.05, confidence: 0.95}");
        }
        double confidence = node.has("confidence")
                ? number(node.get("confidence"), "gate.nonInferiority.confidence")
                : defaultConfidence;
        return new GatePolicy.NonInferiority(number(node.get("margin"), "gate.nonInferiority.margin"), confidence);
    }

    private static List<String> strings(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + " must be a name or a list of names");
        }
        List<String> values = new ArrayList<>();
        node.forEach(item -> values.add(text(item, field)));
        return values;
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException(field + " must be a non-empty name");
        }
        return node.asText();
    }

    private static double number(JsonNode node, String field) {
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return node.asDouble();
    }

    private static int whole(JsonNode node, String field) {
        if (node == null || !node.canConvertToExactIntegral() || !node.isNumber()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return node.asInt();
    }
}
