package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.graded.PairwiseJudge;
import org.apiguardian.api.API;

/**
 * {@code pairwise}: a judge compares the answer with another variant's answer to the same case, in both
 * orders, e.g. {@code pairwise: {against: v1, rubric: "Which reply is kinder and more helpful?"}}.
 */
@API(status = API.Status.INTERNAL)
public final class PairwiseMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "pairwise";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        GradedArgs.object(argument, "pairwise", "{against: v1, rubric: \"Which reply is kinder?\"}");
        Args.onlyKeys(argument, "pairwise", "against", "rubric", "model", "temperature");
        return new PairwiseJudge(
                Args.nonEmptyText(argument.get("rubric"), "rubric", "/rubric"),
                Args.nonEmptyText(argument.get("against"), "against (the variant to compare with)", "/against"),
                GradedArgs.model(argument),
                GradedArgs.number(argument, "temperature", 0, 2, 0));
    }
}
