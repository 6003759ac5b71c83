package dev.tunegate.engine.matchers.thirdparty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherContext;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherFactory;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.matchers.TuneGateAssertions;

/** A third-party matcher outside TuneGate's packages: the answer ends with at least N exclamation marks. */
public final class ShoutingMatcherFactory implements MatcherFactory {

    @Override
    public String name() {
        return "shouts";
    }

    @Override
    public Matcher create(JsonNode argument, MatcherContext context) {
        if (!argument.canConvertToInt() || argument.intValue() < 1) {
            throw new MatcherDefinitionException("shouts needs a positive number of exclamation marks");
        }
        int marks = argument.intValue();
        return new Matcher() {
            @Override
            public void check(ModelAnswer answer) {
                TuneGateAssertions.assertThat(answer).as(description()).textMatches("!{" + marks + "}$");
            }

            @Override
            public String description() {
                return "shouts " + marks;
            }
        };
    }
}
