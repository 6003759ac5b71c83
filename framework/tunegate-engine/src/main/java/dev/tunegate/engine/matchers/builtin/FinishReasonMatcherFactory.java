package dev.tunegate.engine.matchers.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** {@code finishReason}: the first candidate finished for this reason ({@code STOP}), or one of a list. */
@API(status = API.Status.INTERNAL)
public final class FinishReasonMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "finishReason";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        List<FinishReason> reasons = new ArrayList<>();
        if (argument.isArray() && !argument.isEmpty()) {
            for (int i = 0; i < argument.size(); i++) {
                reasons.add(Args.enumValue(FinishReason.class, argument.get(i), "finish reason", "/" + i));
            }
        } else if (argument.isValueNode() && !argument.isNull()) {
            reasons.add(Args.enumValue(FinishReason.class, argument, "finish reason", ""));
        } else {
            throw new MatcherDefinitionException("finishReason needs a finish reason such as STOP, or a list of them; "
                    + "one of " + Args.names(FinishReason.class));
        }
        FinishReason[] array = reasons.toArray(FinishReason[]::new);
        String description = "finishReason " + reasons.stream().map(Enum::name).collect(Collectors.joining(" or "));
        return new CheckMatcher(description, a -> a.finishedWith(array));
    }
}
