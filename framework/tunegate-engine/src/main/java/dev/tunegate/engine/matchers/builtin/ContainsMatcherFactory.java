package dev.tunegate.engine.matchers.builtin;

import org.apiguardian.api.API;

/**
 * {@code contains}: the answer text contains the given text, or every text of a list
 * ({@code contains: [refund, order]}). Case-sensitive; see {@code icontains}.
 */
@API(status = API.Status.INTERNAL)
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
