package dev.tunegate.engine.jupiter;

import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/**
 * The gate test of a {@link TuneGateEval} class for one candidate, added after its last {@link ModelTest} method:
 * instead of the method, it judges the class's gate over the cases that ran and fails with the verdict table when
 * the policy does not hold, as a YAML suite's gate test does.
 */
final class GateInvocation implements TestTemplateInvocationContext {

    private final ClassRun run;
    private final String candidate;

    GateInvocation(ClassRun run, String candidate) {
        this.run = run;
        this.candidate = candidate;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return "gate [" + candidate + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new Judging());
    }

    private final class Judging implements InvocationInterceptor, ParameterResolver {

        @Override
        public void interceptTestTemplateMethod(
                Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext,
                ExtensionContext context) {
            invocation.skip();
            run.judgeGate(candidate, context.getUniqueId(), run.suite().name() + " › gate [" + candidate + "]");
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ModelUnderTest.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return null; // the method does not run in a gate test
        }
    }
}
