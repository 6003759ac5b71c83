package dev.tunegate.engine.jupiter;

import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.MatcherOutcome;
import dev.tunegate.engine.matchers.Verdict;
import dev.tunegate.engine.model.suite.EvalCase;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.run.PlannedTest;
import dev.tunegate.engine.run.Sample;
import dev.tunegate.engine.run.VariantRun;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.platform.engine.UniqueId;
import org.opentest4j.TestAbortedException;

/**
 * One {@link ModelTest} method on one variant: resolves the {@link ModelUnderTest} parameter, records the outcome in the run
 * record, and reports a failure the gate does not enforce on its own (a baseline's or reference's, a candidate's
 * that only counts towards a pass rate) as aborted with the reason, as for a YAML case.
 */
final class VariantInvocation implements TestTemplateInvocationContext {

    private final ClassRun run;
    private final EvalCase evalCase;
    private final ModelVariant variant;

    VariantInvocation(ClassRun run, EvalCase evalCase, ModelVariant variant) {
        this.run = run;
        this.evalCase = evalCase;
        this.variant = variant;
    }

    @Override
    public String getDisplayName(int invocationIndex) {
        return evalCase.id() + " [" + variant.name() + "]";
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new Invocation());
    }

    /** Why the configuration ({@code tunegate.variants}, {@code tunegate.filter.name}) excludes this test, or empty. */
    private Optional<String> skipReason(TuneGateConfiguration config, String displayName) {
        if (config.variants().isPresent() && !config.variants().get().contains(variant.name())) {
            return Optional.of("tunegate.variants="
                    + String.join(",", config.variants().get().stream().sorted().toList())
                    + " does not include variant '" + variant.name() + "'");
        }
        if (config.nameFilter().isPresent()
                && !config.nameFilter().get().matcher(evalCase.id()).find()
                && !config.nameFilter().get().matcher(displayName).find()) {
            return Optional.of("tunegate.filter.name="
                    + config.nameFilter().get().pattern() + " does not match case '" + evalCase.id() + "'");
        }
        return Optional.empty();
    }

    /** The per-invocation extension: one instance per test, holding its model and whether it was recorded. */
    private final class Invocation
            implements ParameterResolver,
                    ExecutionCondition,
                    TestExecutionExceptionHandler,
                    AfterTestExecutionCallback {

        private VariantModel model;
        private boolean recorded;

        private synchronized VariantModel model(ExtensionContext context) {
            if (model == null) {
                model = new VariantModel(
                        run, new PlannedTest(UniqueId.parse(context.getUniqueId()), run.suite(), evalCase, variant));
            }
            return model;
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> skip =
                    skipReason(run.services().config(), run.suite().name() + " › " + context.getDisplayName());
            if (skip.isEmpty()) {
                return ConditionEvaluationResult.enabled("selected");
            }
            run.services().listener().variantSkipped(model(context).test(), skip.get());
            return ConditionEvaluationResult.disabled(skip.get());
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == ModelUnderTest.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return model(context);
        }

        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            VariantModel m = model(context);
            record(m, failure);
            if (failure instanceof AssertionError && !m.isCallError(failure)) {
                Optional<String> tolerated = run.services().policy().toleratedReason(m.test());
                if (tolerated.isPresent()) {
                    throw new TestAbortedException(tolerated.get() + "\n" + failure.getMessage(), failure);
                }
            }
            throw failure;
        }

        @Override
        public void afterTestExecution(ExtensionContext context) {
            record(model(context), context.getExecutionException().orElse(null));
        }

        /** Tells the run record how the case went on this variant (once). */
        private synchronized void record(VariantModel m, Throwable failure) {
            if (recorded) {
                return;
            }
            recorded = true;
            run.testRan();
            PlannedTest test = m.test();
            Sample sample = m.last()
                    .orElseGet(() -> new Sample(
                            0,
                            variant.model(),
                            null,
                            Optional.empty(),
                            Optional.of(
                                    failure != null
                                            ? failure
                                            : new IllegalStateException("the test called no model"))));
            Optional<Verdict> verdict = Optional.empty();
            if (sample.answer().isPresent()) {
                String description = "assertions of " + test.suite().name() + "." + evalCase.id() + "()";
                verdict = Optional.of(new Verdict(List.of(
                        failure == null
                                ? MatcherOutcome.passed(description)
                                : new MatcherOutcome(description, failure))));
            }
            run.services()
                    .listener()
                    .variantFinished(
                            new VariantRun(test, List.of(sample)),
                            List.of(verdict),
                            failure == null && sample.answer().isPresent());
        }
    }
}
