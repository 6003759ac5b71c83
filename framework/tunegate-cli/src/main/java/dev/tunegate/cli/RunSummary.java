package dev.tunegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The parts of a {@code reports/tunegate/summary.json} that {@code compare} needs, read leniently from
 * the JSON tree so that optional or added fields do not break older readers.
 */
record RunSummary(String label, Map<String, Suite> suites) {

    /** One suite: per variant pass rates and case outcomes, per candidate the gate result. */
    record Suite(String name, Map<String, Variant> variants, Map<String, Candidate> candidates) {}

    /** One variant's result in a suite; {@code cases} maps case id to passed. */
    record Variant(String name, String model, Double passRate, Map<String, Boolean> cases) {}

    /** A candidate's comparison with its baseline and the gate verdict ({@code null} when unknown). */
    record Candidate(
            String name, String baseline, Boolean promoted, Set<String> regressions, Set<String> improvements) {}

    static RunSummary read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UserInputException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new UserInputException(file + " is not a TuneGate summary.json (expected a JSON object)");
        }
        JsonNode suitesNode = root.path("suites");
        if (suitesNode.isMissingNode()) {
            throw new UserInputException(file + " is not a TuneGate summary.json (no \"suites\" field)");
        }
        Map<String, Suite> suites = new LinkedHashMap<>();
        each(suitesNode, (key, node) -> {
            Suite suite = suite(key, node);
            suites.put(suite.name(), suite);
        });
        String label = text(root, "runId", "id", "time", "timestamp");
        return new RunSummary(label == null ? file.toString() : label, suites);
    }

    private static Suite suite(String key, JsonNode node) {
        String name = firstNonNull(text(node, "suite", "name", "id"), key, "?");
        Map<String, Variant> variants = new LinkedHashMap<>();
        each(node.path("variants"), (k, v) -> {
            Variant variant = variant(k, v);
            variants.put(variant.name(), variant);
        });
        // cases listed per suite: caseResults: [{id, variants: {variant: {status}}}]
        each(firstPresent(node, "caseResults", "cases"), (k, c) -> {
            String caseId = firstNonNull(text(c, "id", "caseId", "case"), k, null);
            if (caseId == null) {
                return;
            }
            JsonNode perVariant = firstPresent(c, "results", "variants", "outcomes");
            each(perVariant, (variantName, outcome) -> {
                String vName = firstNonNull(text(outcome, "variant", "name"), variantName, null);
                Boolean passed = passed(outcome);
                if (vName != null && passed != null) {
                    variants.computeIfAbsent(vName, n -> new Variant(n, null, null, new LinkedHashMap<>()))
                            .cases()
                            .put(caseId, passed);
                }
            });
        });
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (String field : new String[] {"candidates", "gates", "comparisons"}) {
            each(node.path(field), (k, c) -> {
                Candidate candidate = candidate(k, c);
                candidates.merge(candidate.name(), candidate, RunSummary::merge);
            });
        }
        JsonNode gate = node.path("gate");
        if (gate.isObject()) {
            Candidate candidate = candidate(null, gate);
            candidates.merge(candidate.name(), candidate, RunSummary::merge);
        }
        return new Suite(name, variants, candidates);
    }

    private static Variant variant(String key, JsonNode node) {
        String name = firstNonNull(text(node, "variant", "name"), key, "?");
        String model = text(node, "model");
        Double passRate = number(node.path("passRate"));
        if (passRate == null) {
            Double passed = number(node.path("passed"));
            Double total = number(firstPresent(node, "total", "cases", "count"));
            if (passed != null && total != null && total > 0) {
                passRate = passed / total;
            }
        }
        Map<String, Boolean> cases = new LinkedHashMap<>();
        each(firstPresent(node, "cases", "results"), (k, c) -> {
            String caseId = firstNonNull(text(c, "id", "caseId", "case"), k, null);
            Boolean passed = passed(c);
            if (caseId != null && passed != null) {
                cases.put(caseId, passed);
            }
        });
        return new Variant(name, model, passRate, cases);
    }

    private static Candidate candidate(String key, JsonNode node) {
        String name = firstNonNull(text(node, "candidate", "name", "variant"), key, "?");
        String baseline = text(node, "baseline");
        Boolean promoted = passed(firstPresent(node, "verdict", "decision", "promoted", "passed", "status"));
        return new Candidate(name, baseline, promoted, ids(node.path("regressions")), ids(node.path("improvements")));
    }

    private static Candidate merge(Candidate a, Candidate b) {
        Set<String> regressions = new LinkedHashSet<>(a.regressions());
        regressions.addAll(b.regressions());
        Set<String> improvements = new LinkedHashSet<>(a.improvements());
        improvements.addAll(b.improvements());
        return new Candidate(
                a.name(),
                firstNonNull(a.baseline(), b.baseline(), null),
                a.promoted() != null ? a.promoted() : b.promoted(),
                regressions,
                improvements);
    }

    /** A pass/fail reading of a node: a boolean, a status word, or an object with such a field. */
    static Boolean passed(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            String word = node.textValue().trim().toUpperCase();
            return switch (word) {
                case "PASS",
                        "PASSED",
                        "PROMOTE",
                        "PROMOTED",
                        "SUCCESSFUL",
                        "SUCCESS",
                        "OK",
                        "TRUE",
                        "ACCEPT",
                        "ACCEPTED" -> true;
                case "FAIL", "FAILED", "REJECT", "REJECTED", "FAILURE", "FALSE", "BLOCK", "BLOCKED" -> false;
                default -> null;
            };
        }
        if (node.isObject()) {
            for (String field : new String[] {
                "passed", "pass", "promoted", "promote", "verdict", "decision", "status", "outcome", "result"
            }) {
                Boolean value = passed(node.get(field));
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private static Set<String> ids(JsonNode node) {
        Set<String> ids = new LinkedHashSet<>();
        each(node, (k, item) -> {
            String id = item.isTextual() ? item.textValue() : firstNonNull(text(item, "id", "caseId", "case"), k, null);
            if (id != null) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Visits the elements of an array (key null) or the fields of an object (key = field name). */
    private static void each(JsonNode node, BiConsumer<String, JsonNode> visitor) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> visitor.accept(null, element));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> visitor.accept(e.getKey(), e.getValue()));
        }
    }

    private static JsonNode firstPresent(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (!value.isMissingNode() && !value.isNull()) {
                return value;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static String text(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.path(field);
            if (value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    private static Double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isObject()) {
            for (String field : new String[] {"value", "rate", "estimate", "point"}) {
                if (node.path(field).isNumber()) {
                    return node.path(field).doubleValue();
                }
            }
        }
        return null;
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
