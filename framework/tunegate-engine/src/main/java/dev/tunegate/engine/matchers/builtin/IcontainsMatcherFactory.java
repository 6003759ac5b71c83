package dev.tunegate.engine.matchers.builtin;

/** {@code icontains}: like {@code contains}, ignoring case. */
public final class IcontainsMatcherFactory extends TextContainsFactory {

  @Override
  public String name() {
    return "icontains";
  }

  @Override
  boolean ignoreCase() {
    return true;
  }
}
