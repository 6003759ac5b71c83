package dev.tunegate.engine.jupiter;

import static dev.tunegate.engine.matchers.TuneGateAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.abortedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Java evals ({@code @TuneGateEval}) run by the Jupiter engine against the embedded emulator. */
class JavaEvalTest {

    @TempDir
    Path dir;

    /** Two turns, the second quoting the first answer; strict on the gate's candidate. */
    @TuneGateEval
    @Variant(name = "v1", model = "models/gemini-1.5-flash-001", role = VariantRole.BASELINE)
    @Variant(name = "v2", model = "models/gemini-2.0-flash")
    @Gate(candidate = "v2", baseline = "v1", minPassRate = 1.0, maxRegressions = 0)
    static class Conversation {
        static final AtomicReference<String> SECOND_PROMPT = new AtomicReference<>();

        @ModelTest
        @Tag("multi-turn")
        void twoTurns(ModelUnderTest model) {
            Chat chat = model.chat();
            ModelAnswer first = chat.send("What is 2 + 3?");
            assertThat(first).finishedWith(FinishReason.STOP);
            String second = "You said: " + first.text() + " Say it again.";
            SECOND_PROMPT.set(second);
            ModelAnswer again = chat.send(second);
            assertThat(again).hasCandidate();
            assertThat(chat.history()).hasSize(4);
        }

        @ModelTest
        void impossible(ModelUnderTest model) {
            assertThat(model.generate("Say hello.")).textContains("this exact sentence will never be produced");
        }
    }

    /** A frozen baseline written in Java: v1 is answered only from recordings. */
    @TuneGateEval
    @Variant(name = "v1", model = "models/gemini-1.5-flash-001", role = VariantRole.BASELINE, replayOnly = true)
    @Variant(name = "v2", model = "models/gemini-2.0-flash")
    static class FrozenBaseline {
        @ModelTest
        void hello(ModelUnderTest model) {
            assertThat(model.generate("Say hello.")).finishedWith(FinishReason.STOP);
        }
    }

    /** The same suite (same name, variants and requests) before v1 was frozen: records v1's answers. */
    static class BeforeFreezing {
        @TuneGateEval
        @Variant(name = "v1", model = "models/gemini-1.5-flash-001", role = VariantRole.BASELINE)
        @Variant(name = "v2", model = "models/gemini-2.0-flash")
        static class FrozenBaseline {
            @ModelTest
            void hello(ModelUnderTest model) {
                assertThat(model.generate("Say hello.")).finishedWith(FinishReason.STOP);
            }
        }
    }

    @Test
    void aReplayOnlyVariantIsNeverCalledAndIsReportedFrozenWithItsRecordingTimes() throws Exception {
        Path cassettes = dir.resolve("cassettes");
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BeforeFreezing.FrozenBaseline.class))
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("recorded").toString())
                .configurationParameter("tunegate.mode", "record")
                .configurationParameter("tunegate.cassettes", cassettes.toString())
                .execute()
                .testEvents()
                .assertStatistics(s -> s.failed(0).aborted(0));

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FrozenBaseline.class))
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("frozen").toString())
                .configurationParameter("tunegate.cassettes", cassettes.toString())
                .execute()
                .testEvents()
                .assertStatistics(s -> s.failed(0).aborted(0));
        JsonNode v1 = new ObjectMapper()
                .readTree(dir.resolve("frozen/tunegate/summary.json").toFile())
                .at("/suites/0/variants/0");
        assertThat(v1.get("name").asText()).isEqualTo("v1");
        assertThat(v1.get("frozen").asBoolean()).isTrue();
        assertThat(v1.at("/recorded/earliest").asText()).isNotEmpty();

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FrozenBaseline.class))
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("missing").toString())
                .configurationParameter(
                        "tunegate.cassettes", dir.resolve("empty").toString())
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(1, event(displayName("hello [v2]"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                displayName("hello [v1]"),
                                abortedWithReason(
                                        message(m -> m.startsWith("Variant 'v1' is frozen (replayOnly: true)")))));
    }

    @Test
    void replayMakesNoModelCallAndAMissingRecordingSaysHowToRecordIt() {
        Path cassettes = dir.resolve("cassettes");
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Conversation.class))
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("recorded").toString())
                .configurationParameter("tunegate.mode", "record")
                .configurationParameter("tunegate.cassettes", cassettes.toString())
                .execute()
                .testEvents()
                .assertStatistics(s -> s.started(5).succeeded(2).aborted(2).failed(1));

        // An endpoint nothing listens on: a call that went out would fail.
        EngineExecutionResults replayed = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Conversation.class))
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("replayed").toString())
                .configurationParameter("tunegate.mode", "replay")
                .configurationParameter("tunegate.cassettes", cassettes.toString())
                .configurationParameter("tunegate.endpoint", "http://127.0.0.1:9")
                .execute();
        replayed.testEvents()
                .assertStatistics(s -> s.started(5).succeeded(2).aborted(2).failed(1));

        EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Conversation.class))
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("missing").toString())
                .configurationParameter("tunegate.mode", "replay")
                .configurationParameter(
                        "tunegate.cassettes", dir.resolve("empty").toString())
                .execute()
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                displayName("twoTurns [v2]"),
                                abortedWithReason(
                                        message(m -> m.startsWith("No recording for Conversation › twoTurns [v2]")
                                                && m.contains("-Dtunegate.mode=auto")))));
    }

    @Test
    void everyVariantRunsAndTheGateJudgesTheCasesAndTheReportsHaveThem() throws Exception {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Conversation.class))
                .configurationParameter("tunegate.reports.dir", dir.toString())
                .execute();

        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(displayName("twoTurns [v1]"), finishedSuccessfully()))
                .haveExactly(1, event(displayName("twoTurns [v2]"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                displayName("impossible [v1]"),
                                abortedWithReason(message(m -> m.startsWith("Baseline 'v1' failed this case")))))
                .haveExactly(
                        1,
                        event(
                                displayName("impossible [v2]"),
                                abortedWithReason(message(m -> m.startsWith("Candidate 'v2' failed this case")
                                        && m.contains("never be produced")))))
                .haveExactly(
                        1,
                        event(
                                displayName("gate [v2]"),
                                finishedWithFailure(message(m -> m.contains("Gate FAILED for suite 'Conversation'")
                                        && m.contains("minPassRate     >= 1.000  0.500")))));
        assertThat(Conversation.SECOND_PROMPT.get()).startsWith("You said: ");

        JsonNode summary = new ObjectMapper().readTree(Files.readString(dir.resolve("tunegate/summary.json")));
        JsonNode suite = summary.path("suites").get(0);
        assertThat(suite.path("name").asText()).isEqualTo("Conversation");
        assertThat(suite.path("location").asText()).isEqualTo("class:" + Conversation.class.getName());
        assertThat(suite.path("cases")).hasSize(2);
        assertThat(Files.readString(dir.resolve("tunegate/summary.md"))).contains("Conversation");
        assertThat(Files.readString(dir.resolve("tunegate/compare.html"))).contains("twoTurns");
    }
}
