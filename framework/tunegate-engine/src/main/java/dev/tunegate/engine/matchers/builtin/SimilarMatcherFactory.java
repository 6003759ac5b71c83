package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.graded.Similarity;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * {@code similar}: cosine similarity of embeddings, e.g. {@code similar: {to: "We will refund you",
 * min: 0.8}} or {@code to: [..., ...]} (the best reference counts).
 */
@API(status = API.Status.INTERNAL)
public final class SimilarMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "similar";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        GradedArgs.object(argument, "similar", "{to: \"We will refund you\", min: 0.8}");
        Args.onlyKeys(argument, "similar", "to", "min", "model");
        JsonNode to = argument.get("to");
        List<String> texts = new ArrayList<>();
        if (to != null && to.isArray()) {
            for (int i = 0; i < to.size(); i++) {
                texts.add(Args.nonEmptyText(to.get(i), "to[" + i + "]", "/to/" + i));
            }
            if (texts.isEmpty()) {
                throw new MatcherDefinitionException("to must name at least one reference text", "/to");
            }
        } else {
            texts.add(Args.nonEmptyText(to, "to (the reference text)", "/to"));
        }
        if (!argument.has("min")) {
            throw new MatcherDefinitionException("min (the smallest cosine similarity that passes) is missing", "/min");
        }
        return new Similarity(texts, GradedArgs.number(argument, "min", -1, 1, 0), GradedArgs.model(argument));
    }
}
