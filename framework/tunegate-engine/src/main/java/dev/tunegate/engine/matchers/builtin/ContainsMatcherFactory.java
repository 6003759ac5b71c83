package dev.tunegate.engine.matchers.builtin;

/**
 * {@code contains}: the answer text contains the given text, or every text of a list
 * ({@code contains: [refund, order]}). Case-sensitive; see {@code icontains}.
 */
public final class ContainsMatcherFactory extends TextContainsFactory {

  @Override
  public String name() {
    return "contains";
  }

  @Override
  boolean ignoreCase() {
    return false;
  }
}
