package dev.tunegate.engine.matchers.builtin;

import org.apiguardian.api.API;

/**
 * {@code all}: every nested matcher must pass (useful inside {@code not} and {@code any}). All of
 * them are evaluated and every failure is reported.
 */
@API(status = API.Status.INTERNAL)
public final class AllMatcherFactory extends CombinatorMatcherFactory {

    public AllMatcherFactory() {
        super(Quantifier.ALL);
    }
}
