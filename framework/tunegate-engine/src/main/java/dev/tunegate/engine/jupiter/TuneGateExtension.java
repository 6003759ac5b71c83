package dev.tunegate.engine.jupiter;

import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.results.record.VerdictLog;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.TestEngine;

/**
 * The JUnit Jupiter extension behind {@link TuneGateEval}: reads the class as a suite, runs each {@link ModelTest}
 * method once per variant (a test template invocation {@code method [variant]} with the variant's {@link ModelUnderTest}),
 * records every invocation in TuneGate's run record, and adds a gate test per candidate ({@code gate [candidate]})
 * after the class's last {@code @ModelTest} method. The run's services are wired by the {@code tunegate} engine's
 * composition root once per Jupiter execution; reports are written when the execution ends.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class TuneGateExtension
        implements BeforeAllCallback, AfterAllCallback, TestTemplateInvocationContextProvider {

    private static final Namespace NAMESPACE = Namespace.create(TuneGateExtension.class);

    /** Created by Jupiter for {@link TuneGateEval} classes. */
    public TuneGateExtension() {}

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        JavaEvalServices services = services(context);
        ClassRun run = new ClassRun(
                JavaEvalSuites.of(testClass, services.config()),
                services,
                JavaEvalSuites.modelTests(testClass).size());
        context.getStore(NAMESPACE).put(ClassRun.class, run);
        services.start();
        services.listener().suiteStarted(run.suite());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassRun run = context.getStore(NAMESPACE).remove(ClassRun.class, ClassRun.class);
        if (run != null) {
            run.finish(context.getUniqueId());
        }
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> AnnotationSupport.isAnnotated(m, ModelTest.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        ClassRun run = context.getParent()
                .map(parent -> parent.getStore(NAMESPACE).get(ClassRun.class, ClassRun.class))
                .orElseThrow(() -> new IllegalStateException("@ModelTest methods run in a @TuneGateEval class"));
        String method = context.getRequiredTestMethod().getName();
        EvalCase evalCase =
                run.suite().findCase(method).orElseThrow(() -> new IllegalStateException("no case for " + method));
        Stream<TestTemplateInvocationContext> variants =
                run.suite().variants().values().stream().map(variant -> new VariantInvocation(run, evalCase, variant));
        // Lazily, after the variants ran: the last template of the class brings the gate tests.
        Stream<TestTemplateInvocationContext> gates = Stream.of(run)
                .flatMap(r -> r.templateDone()
                        ? r.candidates().stream().map(candidate -> new GateInvocation(r, candidate))
                        : Stream.empty());
        return Stream.concat(variants, gates);
    }

    /** The run's services, opened once per Jupiter execution and closed (reports written) when it ends. */
    private static JavaEvalServices services(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(JavaEvalServices.class, key -> open(context), JavaEvalServices.class);
    }

    private static JavaEvalServices open(ExtensionContext context) {
        VerdictLog.Runs verdicts = VerdictLog.in((namespace, key) -> context.getStore(
                        ExtensionContext.StoreScope.LAUNCHER_SESSION, Namespace.create(namespace))
                .get(key));
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        for (TestEngine engine : ServiceLoader.load(TestEngine.class, loader)) {
            if (engine instanceof JavaEvalWiring wiring) {
                return wiring.open(new ExtensionParameters(context), verdicts);
            }
        }
        throw new IllegalStateException(
                "the tunegate engine is not on the test class path (add the dev.tunegate:tunegate-engine dependency)");
    }
}
