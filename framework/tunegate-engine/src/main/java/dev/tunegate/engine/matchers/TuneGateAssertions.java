package dev.tunegate.engine.matchers;

/**
 * Entry point for AssertJ-style assertions on model answers in Java tests:
 * {@code assertThat(answer).finishedWith(FinishReason.STOP).textContains("refund")}.
 */
public final class TuneGateAssertions {

  private TuneGateAssertions() {}

  /** Assertions on one model answer. */
  public static ModelAnswerAssert assertThat(ModelAnswer answer) {
    return new ModelAnswerAssert(answer);
  }
}
