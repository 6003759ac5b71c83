package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tunegate.engine.matchers.Verdict;
import dev.tunegate.engine.run.ResultListener;
import dev.tunegate.engine.run.VariantRun;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/** The engine against the real Gemini emulator, started in-process on a loopback port (the default endpoint). */
class EndToEndTest {

    static final String SUITE = "dev/tunegate/engine/e2e/emulator.eval.yaml";

    @Test
    void embeddedEmulatorRunsEveryCaseAndStopsAfterwards() throws Exception {
        EngineLog captured = EngineLog.messages();
        List<String> log = captured.lines();
        try (captured) {
            EngineExecutionResults results = EngineTestKit.engine("tunegate")
                    .selectors(selectClasspathResource(SUITE))
                    .execute();
            // Strict mode: 'flash' (first) is the baseline, 'flash15' the candidate with a gate test.
            results.testEvents()
                    .assertStatistics(s -> s.started(9).succeeded(6).failed(2).aborted(1));
            results.testEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    displayName("emulator › impossible [flash15]"),
                                    finishedWithFailure(
                                            instanceOf(AssertionFailedError.class),
                                            message(m -> m.contains("equals")
                                                    && m.contains("this exact sentence will never be produced")))));
            results.testEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    displayName("emulator › impossible [flash]"),
                                    abortedWithReason(
                                            message(m -> m.startsWith("Baseline 'flash' failed this case")))));
        }
        String line = log.stream()
                .filter(l -> l.contains("embedded Gemini emulator at "))
                .findFirst()
                .orElseThrow();
        URI base = URI.create(line.substring(line.indexOf("http")));
        assertThat(base.getHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 500);
                    }
                })
                .as("emulator stopped at the end of the run")
                .isInstanceOf(IOException.class);
    }

    @Test
    void streamingRecordsTimeToFirstChunk() {
        List<VariantRun> runs = new CopyOnWriteArrayList<>();
        EngineExecutionResults results = EngineTestKit.engine(new TuneGateTestEngine(
                        new dev.tunegate.engine.run.ClientGatewayFactory(),
                        context -> context.addListener(new ResultListener() {
                            @Override
                            public void variantFinished(
                                    VariantRun run, List<Optional<Verdict>> verdicts, boolean passed) {
                                runs.add(run);
                            }
                        })))
                .selectors(selectClasspathResource(SUITE))
                .configurationParameter("tunegate.streaming", "true")
                .configurationParameter("tunegate.filter.name", "fast-enough|arithmetic")
                .execute();
        results.testEvents().assertStatistics(s -> s.started(5).succeeded(5));
        assertThat(runs)
                .hasSize(4)
                .allSatisfy(run -> assertThat(run.samples()).singleElement().satisfies(sample -> {
                    assertThat(sample.answer()).isPresent();
                    assertThat(sample.answer().get().timeToFirstChunk()).isPresent();
                    assertThat(sample.answer().get().timeToFirstChunk().get())
                            .isLessThanOrEqualTo(sample.answer().get().latency());
                    assertThat(sample.answer().get().text()).isNotBlank();
                }));
    }

    @Test
    void tunedVariantsAreCreatedBeforeTheirTestsAndATuningFailureFailsOnlyThatVariant() {
        List<String> log = new CopyOnWriteArrayList<>();
        Handler handler = capture(log);
        Logger logger = Logger.getLogger("dev.tunegate.engine");
        logger.addHandler(handler);
        EngineExecutionResults results;
        try {
            results = EngineTestKit.engine("tunegate")
                    .selectors(selectClasspathResource("dev/tunegate/engine/e2e/tuning.eval.yaml"))
                    .configurationParameter("tunegate.tuning.poll-interval", "PT0.05S")
                    .execute();
        } finally {
            logger.removeHandler(handler);
        }
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                displayName("tuning › refund [tuned]"),
                                org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                displayName("tuning › shipping [tuned]"),
                                org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully()))
                .haveExactly(
                        2,
                        event(
                                ExecutionTest.nameEndsWith("[doomed]"),
                                finishedWithFailure(
                                        message(m -> m.contains("tuning tunedModels/engine-e2e-doomed failed")
                                                && m.contains("Injected fault")))));
        assertThat(log)
                .anySatisfy(
                        l -> assertThat(l)
                                .startsWith(
                                        "TuneGate: tuning tunedModels/engine-e2e-intents from models/gemini-1.5-flash-001-tuning with 6 examples"));
        assertThat(log).anySatisfy(l -> assertThat(l).startsWith("TuneGate: tuned tunedModels/engine-e2e-intents ("));
    }

    private static Handler capture(List<String> log) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                log.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
    }
}
