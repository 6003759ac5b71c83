package dev.tunegate.engine.matchers.builtin;

import org.apiguardian.api.API;

/** {@code icontains}: like {@code contains}, ignoring case. */
@API(status = API.Status.INTERNAL)
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
