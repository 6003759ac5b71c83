package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a suite's {@code cases:} (inline entries and {@code casesFrom} files) onto {@link EvalCase}s:
 * defaults applied, templates checked, ids unique. Problems are added to the suite's list.
 */
final class CaseMapper {

    private final PositionedTree tree;
    private final List<SuiteProblem> problems;
    private final CaseFileReader caseFiles;

    CaseMapper(PositionedTree tree, List<SuiteProblem> problems, CaseFileReader caseFiles) {
        this.tree = tree;
        this.problems = problems;
        this.caseFiles = caseFiles;
    }

    List<EvalCase> cases() {
        CaseDefaults defaults;
        try {
            defaults = new CaseDefaults(tree.root().path("defaults"), tree);
        } catch (RuntimeException e) {
            if (problems.isEmpty()) {
                throw e;
            }
            defaults = new CaseDefaults(com.fasterxml.jackson.databind.node.MissingNode.getInstance(), tree);
        }
        List<EvalCase> cases = new ArrayList<>();
        Map<String, EvalCase> byId = new HashMap<>();
        JsonNode list = tree.root().path("cases");
        for (int i = 0; i < list.size(); i++) {
            String pointer = PositionedTree.child("/cases", i);
            JsonNode entry = list.get(i);
            int known = problems.size();
            try {
                if (entry.has("casesFrom")) {
                    for (CaseSource source :
                            caseFiles.read(tree, entry.get("casesFrom").asText(), pointer + "/casesFrom", problems)) {
                        addCase(source, defaults, cases, byId);
                    }
                } else if (!entry.hasNonNull("id") || !entry.get("id").isTextual()) {
                    continue; // the schema reports the missing id; there is nothing to key the case by
                } else {
                    addCase(new CaseSource(tree, pointer, entry), defaults, cases, byId);
                }
            } catch (RuntimeException e) {
                if (known == 0) {
                    throw e;
                }
                // a case the schema rejected: its problem is already reported
            }
        }
        return cases;
    }

    private void addCase(CaseSource source, CaseDefaults defaults, List<EvalCase> cases, Map<String, EvalCase> byId) {
        EvalCase built = evalCase(source, defaults);
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

    private EvalCase evalCase(CaseSource source, CaseDefaults defaults) {
        PositionedTree t = source.tree();
        JsonNode node = source.node();
        String pointer = source.pointer();
        ObjectNode vars = defaults.vars.deepCopy();
        if (node.has("vars")) {
            vars.setAll((ObjectNode) node.get("vars"));
        }
        Optional<String> prompt = Optional.ofNullable(node.path("prompt").textValue());
        JsonNode contents = node.get("contents");
        TemplateCheck.check(t, pointer, prompt, contents, vars, problems);
        Set<String> tags = new LinkedHashSet<>(defaults.tags);
        node.path("tags").forEach(tag -> tags.add(tag.asText()));
        List<MatcherSpec> expect = new ArrayList<>(defaults.expect);
        expect.addAll(matchers(t, pointer + "/expect", node.path("expect")));
        int repeat = node.has("repeat") ? node.get("repeat").asInt() : defaults.repeat;
        double threshold = node.has("passThreshold") ? node.get("passThreshold").asDouble() : defaults.passThreshold;
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

    /** The matcher entries of an {@code expect:} list: a bare name, or a mapping of one name to its argument. */
    static List<MatcherSpec> matchers(PositionedTree tree, String pointer, JsonNode list) {
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
}
