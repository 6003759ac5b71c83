package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a case's templates (its prompt and the text parts of its contents): they compile and use only the case's vars. */
final class TemplateCheck {

    private TemplateCheck() {}

    /** Adds a problem for each template that does not compile or uses a var the case does not define. */
    static void check(
            PositionedTree t,
            String pointer,
            Optional<String> prompt,
            JsonNode contents,
            ObjectNode vars,
            List<SuiteProblem> problems) {
        if (prompt.isPresent()) {
            checkTemplate(t, pointer + "/prompt", prompt.get(), vars, problems);
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
                                vars,
                                problems);
                    }
                }
            }
        }
    }

    private static void checkTemplate(
            PositionedTree t, String pointer, String text, ObjectNode vars, List<SuiteProblem> problems) {
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
                                        + " but neither the case nor the section's value has '" + undefined.name() + "'"
                                        + known));
            }
        } catch (IllegalArgumentException e) {
            problems.add(t.problem(pointer, e.getMessage()));
        }
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
