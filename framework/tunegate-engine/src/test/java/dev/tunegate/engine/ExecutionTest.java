package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tunegate.engine.matchers.Verdict;
import dev.tunegate.engine.run.GatewayFactory;
import dev.tunegate.engine.run.ResultListener;
import dev.tunegate.engine.run.VariantRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/** Running suites through EngineTestKit against fake models. */
class ExecutionTest {

    static final String MIXED = "dev/tunegate/engine/runs/mixed.eval.yaml";
    static final String MANY = "dev/tunegate/engine/runs/many.eval.yaml";
    static final String ECHO = DiscoveryTest.ECHO;

    @Test
    void mixedRunStatistics() {
        FakeGateway fake = new FakeGateway(0);
        EngineExecutionResults results = EngineTestKit.engine(new TuneGateTestEngine(fake.factory()))
                .selectors(selectClasspathResource(MIXED))
                .execute();
        // Strict mode: 'base' is the baseline (its failure is aborted), 'down' and 'tuned' are candidates
        // and each has a gate test at the end of the suite.
        results.testEvents()
                .assertStatistics(s -> s.started(11).succeeded(2).failed(8).aborted(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test(), displayName("mixed › pass [base]"), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName("mixed › sampled [base]"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("mixed › fail [base]"),
                                abortedWithReason(
                                        instanceOf(org.opentest4j.TestAbortedException.class),
                                        message(m -> m.startsWith("Baseline 'base' failed this case")
                                                && m.contains("2 of 2 matchers failed")
                                                && m.contains("equals")))))
                .haveExactly(1, event(test(), displayName("mixed › gate [down]"), finishedWithFailure()))
                .haveExactly(
                        3,
                        event(
                                test(),
                                nameEndsWith("[down]"),
                                finishedWithFailure(message(m -> m.startsWith("HTTP 503 UNAVAILABLE")))))
                .haveExactly(
                        3,
                        event(
                                test(),
                                nameEndsWith("[tuned]"),
                                finishedWithFailure(message(m -> m.contains("tuning tunedModels/broken-run failed")))));
        assertThat(fake.closed).as("gateway closed at the end of the run").isTrue();
        assertThat(fake.calls.get()).as("tuned variant never called").isEqualTo(5 + 5);
    }

    @Test
    void singleFailedMatcherNamesExpectedAndActual() {
        EngineExecutionResults results = EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .selectors(selectClasspathResource(ECHO))
                .execute();
        Event greet = results.testEvents()
                .failed()
                .filter(e -> e.getTestDescriptor().getDisplayName().equals("echo › greet [loud]"))
                .findFirst()
                .orElseThrow();
        Throwable failure = greet.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessageContaining("equals");
        AssertionFailedError error = (AssertionFailedError) failure;
        assertThat(error.getExpected().getStringRepresentation()).isEqualTo("hello Ada & <friends>");
        assertThat(error.getActual().getStringRepresentation()).isEqualTo("HELLO ADA & <FRIENDS>");
    }

    @Test
    void requestCarriesRenderedPromptSystemInstructionAndMergedGenerationConfig() {
        FakeGateway fake = new FakeGateway(0);
        EngineTestKit.engine(new TuneGateTestEngine(fake.factory()))
                .selectors(selectClasspathResource(ECHO))
                .configurationParameter("tunegate.filter.name", "^greet$")
                .execute();
        assertThat(fake.requests).hasSize(2);
        var request = fake.requests.get(0);
        assertThat(request.contents().get(0).parts().get(0).text()).isEqualTo("hello Ada & <friends>");
        assertThat(request.systemInstruction().parts().get(0).text()).isEqualTo("Repeat the user.");
        assertThat(fake.requests)
                .extracting(r -> r.generationConfig().temperature())
                .containsExactlyInAnyOrder(0.0, 0.5);
        assertThat(fake.requests)
                .allSatisfy(
                        r -> assertThat(r.generationConfig().maxOutputTokens()).isEqualTo(64));
    }

    @Test
    void multiTurnContentsAreRenderedInOrder() {
        FakeGateway fake = new FakeGateway(0);
        EngineTestKit.engine(new TuneGateTestEngine(fake.factory()))
                .selectors(selectClasspathResource(ECHO))
                .configurationParameter("tunegate.filter.name", "multi-turn")
                .configurationParameter("tunegate.variants", "base")
                .execute();
        assertThat(fake.requests).singleElement().satisfies(r -> {
            assertThat(r.contents()).extracting(c -> c.role()).containsExactly("user", "model", "user");
            assertThat(r.contents().get(0).parts().get(0).text()).isEqualTo("first one");
        });
    }

    @Test
    void variantFilterSkipsOtherVariantsWithTheKeyAsReason() {
        FakeGateway fake = new FakeGateway(0);
        EngineExecutionResults results = EngineTestKit.engine(new TuneGateTestEngine(fake.factory()))
                .selectors(selectClasspathResource(ECHO))
                .configurationParameter("tunegate.variants", "base")
                .execute();
        results.testEvents()
                .assertStatistics(s -> s.started(9).succeeded(8).failed(1).skipped(8));
        // the gate is not skipped: it fails, since the filter left its candidate no case (issue 12)
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("echo › gate [loud]"),
                                finishedWithFailure(message(m ->
                                        m.contains("Judged a subset: 0 of 8 cases ran on" + " candidate 'loud'")))));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        8,
                        event(
                                test(),
                                nameEndsWith("[loud]"),
                                skippedWithReason(
                                        r -> r.startsWith("tunegate.variants=base does not include variant 'loud'"))));
        assertThat(fake.calls.get()).isEqualTo(8);
    }

    @Test
    void nameFilterSelectsCases() {
        EngineExecutionResults results = EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .selectors(selectClasspathResource(ECHO))
                .configurationParameter("tunegate.filter.name", "^csv-")
                .execute();
        results.testEvents().assertStatistics(s -> s.started(5).skipped(12));
    }

    @Test
    void tagFiltersWork() {
        EngineExecutionResults results = EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .selectors(selectClasspathResource(ECHO))
                .filters(TagFilter.includeTags("smoke & variant-base"))
                .execute();
        // the gate carries its suite's tags, so it comes along; it fails: 'variant-base' leaves its candidate no case
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(3).failed(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test(), displayName("echo › gate [loud]"), finishedWithFailure()));
    }

    @Test
    void failurePolicyTurnsToleratedFailuresIntoAbortedTests() {
        FakeGateway fake = new FakeGateway(0);
        List<String> seen = new CopyOnWriteArrayList<>();
        GatewayFactory factory = fake.factory();
        EngineExecutionResults results = EngineTestKit.engine(new TuneGateTestEngine(factory, context -> {
                    context.failurePolicy(t -> t.variant().name().equals("loud")
                                    && !t.evalCase().tags().contains("critical")
                            ? Optional.of("counts towards the gate")
                            : Optional.empty());
                    context.addListener(new ResultListener() {
                        @Override
                        public void variantFinished(VariantRun run, List<Optional<Verdict>> verdicts, boolean passed) {
                            seen.add(run.test().evalCase().id() + "/"
                                    + run.test().variant().name() + "=" + passed);
                        }
                    });
                }))
                .selectors(selectClasspathResource(ECHO))
                .execute();
        results.testEvents()
                .assertStatistics(s -> s.started(17).succeeded(10).failed(2).aborted(5));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        5, event(test(), abortedWithReason(message(m -> m.startsWith("counts towards the gate")))));
        assertThat(seen).hasSize(16).contains("greet/loud=false", "greet/base=true");
    }

    @Test
    void callsRunAheadBoundedByTheLookAheadAndTestsReportInOrder() {
        FakeGateway fake = new FakeGateway(5);
        EngineExecutionResults results = EngineTestKit.engine(new TuneGateTestEngine(fake.factory()))
                .selectors(selectClasspathResource(MANY))
                .configurationParameter("tunegate.concurrency", "4")
                .configurationParameter("tunegate.look-ahead", "16")
                .execute();
        results.testEvents().assertStatistics(s -> s.started(401).succeeded(200).failed(201));
        // The look-ahead bounds the tests whose calls are issued; concurrency is the client's (CallLimitsTest).
        assertThat(fake.maxInFlight.get()).isBetween(2, 16);
        List<String> order = new ArrayList<>();
        results.testEvents().finished().stream()
                .forEach(e -> order.add(e.getTestDescriptor().getDisplayName()));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(String.format("many › c%03d [a]", i));
            expected.add(String.format("many › c%03d [b]", i));
        }
        expected.add("many › gate [b]");
        assertThat(order).isEqualTo(expected);
    }

    @Test
    void invalidConfigurationIsReportedAndFailsTheRun() {
        var kit = EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .selectors(selectClasspathResource(ECHO))
                .configurationParameter("tunegate.concurrency", "lots")
                .configurationParameter("tunegate.endpoint", "ftp://nope");
        assertThat(kit.discover().getDiscoveryIssues())
                .extracting(i -> i.message())
                .containsExactly(
                        "tunegate.endpoint='ftp://nope' is neither 'embedded' nor an http(s) base URL without a path (e.g. https://generativelanguage.googleapis.com)",
                        "tunegate.concurrency='lots' is not a positive whole number");
    }

    static org.assertj.core.api.Condition<Event> nameEndsWith(String suffix) {
        return new org.assertj.core.api.Condition<>(
                e -> e.getTestDescriptor().getDisplayName().endsWith(suffix), "display name ending with %s", suffix);
    }
}
