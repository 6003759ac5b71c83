package dev.tunegate.engine.matchers.builtin;

import org.apiguardian.api.API;

/** {@code any}: at least one nested matcher must pass; when none does, every failure is reported. */
@API(status = API.Status.INTERNAL)
public final class AnyMatcherFactory extends CombinatorMatcherFactory {

    public AnyMatcherFactory() {
        super(Quantifier.ANY);
    }
}
