package dev.tunegate.engine.matchers.builtin;

import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.matchers.ModelAnswerAssert;
import dev.tunegate.engine.matchers.TuneGateAssertions;
import java.util.function.Consumer;

/**
 * A matcher made of AssertJ assertions on the answer; the description becomes the
 * {@code [description]} prefix of every failure message, so failures name their matcher.
 */
record CheckMatcher(String description, Consumer<ModelAnswerAssert> assertion) implements Matcher {

  @Override
  public void check(ModelAnswer answer) {
    assertion.accept(TuneGateAssertions.assertThat(answer).as(description));
  }

  @Override
  public String toString() {
    return description;
  }
}
