package dev.tunegate.engine.run.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunegate.client.model.Candidate;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.UsageMetadata;
import dev.tunegate.engine.config.ReplayMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** Record/replay through the public seam, with a counting fake for the live endpoint. */
class CassetteCallsTest {
    private static final String CANARY = "canary-key-CANARY-0123456789-do-not-leak";

    @TempDir
    Path dir;

    private final AtomicInteger liveCalls = new AtomicInteger();

    @Test
    void recordThenReplayGivesIdenticalResultsWithoutCallingTheEndpoint() throws IOException {
        ModelCall unary = call("What is 2+2?", 0, false);
        ModelCall stream = call("Tell me a story", 0, true);
        CassetteCalls recorder = new CassetteCalls(ReplayMode.RECORD, dir, List.of());
        ModelResult recordedUnary = recorder.call(unary, live("4")).join();
        ModelResult recordedStream =
                recorder.call(stream, live("Once", " upon", " a time")).join();
        assertThat(liveCalls).hasValue(2);

        CassetteCalls replayer = new CassetteCalls(ReplayMode.REPLAY, dir, List.of());
        ModelResult replayedUnary = replayer.call(unary, failingLive()).join();
        ModelResult replayedStream = replayer.call(stream, failingLive()).join();

        assertThat(liveCalls).hasValue(2);
        assertThat(replayedUnary.replayed()).isTrue();
        assertThat(replayedUnary.chunks()).isEqualTo(recordedUnary.chunks());
        assertThat(replayedUnary.latency()).isEqualTo(recordedUnary.latency());
        assertThat(replayedStream.chunks()).isEqualTo(recordedStream.chunks()).hasSize(3);
        assertThat(replayedStream.timeToFirstChunk()).isEqualTo(recordedStream.timeToFirstChunk());
        assertThat(replayer.finish(m -> {})).isEmpty();
    }

    @Test
    void aReplayOfManyCallsAnswersEachFromItsOwnRecordingAndAutoModeSeesWhatItRecorded() throws IOException {
        CassetteCalls recorder = new CassetteCalls(ReplayMode.RECORD, dir, List.of());
        List<ModelCall> calls = new java.util.ArrayList<>();
        List<ModelResult> recorded = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ModelCall call = new ModelCall(
                    ModelCall.endpoint("models/m" + (i % 3), i % 5 == 0),
                    GenerateContentRequest.of("case " + i),
                    i % 2,
                    "suite " + (i % 4),
                    null);
            calls.add(call);
            recorded.add(recorder.call(call, i % 5 == 0 ? live("a" + i, "b" + i) : live("answer " + i))
                    .join());
        }

        CassetteCalls replayer = new CassetteCalls(ReplayMode.REPLAY, dir, List.of());
        for (int i = calls.size() - 1; i >= 0; i--) {
            ModelResult replayed = replayer.call(calls.get(i), failingLive()).join();
            assertThat(replayed.chunks())
                    .as("call %d", i)
                    .isEqualTo(recorded.get(i).chunks());
            assertThat(replayed.latency()).isEqualTo(recorded.get(i).latency());
            assertThat(replayed.timeToFirstChunk()).isEqualTo(recorded.get(i).timeToFirstChunk());
        }
        assertThat(replayer.finish(m -> {})).isEmpty();

        // auto mode: a folder listed before a call was recorded still answers that call from its recording
        CassetteCalls auto = new CassetteCalls(ReplayMode.AUTO, dir, List.of());
        ModelCall fresh = call("a call not recorded yet", 0, false);
        auto.call(call("What is 2+2?", 0, false), live("4")).join();
        ModelResult first = auto.call(fresh, live("new")).join();
        int live = liveCalls.get();
        ModelResult again = auto.call(fresh, failingLive()).join();
        assertThat(liveCalls).hasValue(live);
        assertThat(again.replayed()).isTrue();
        assertThat(again.chunks()).isEqualTo(first.chunks());
    }

    @Test
    void recordingsAreSortedPrettyJsonKeyedByEndpointRequestAndRepeat() throws IOException {
        CassetteCalls recorder = new CassetteCalls(ReplayMode.RECORD, dir, List.of());
        recorder.call(call("Hello", 0, false), live("Hi")).join();
        recorder.call(call("Hello", 1, false), live("Hey")).join();
        recorder.call(
                        new ModelCall("models/other:generateContent", GenerateContentRequest.of("Hello"), 0, "s", "t"),
                        live("Yo"))
                .join();

        List<Path> files = recordings();
        assertThat(files).hasSize(3);
        String text = Files.readString(files.get(0));
        assertThat(text).startsWith("{\n  \"endpoint\": ").endsWith("}\n").doesNotContain("\r");
        List<String> topLevelKeys = text.lines()
                .filter(l -> l.matches("^  \"[a-zA-Z]+\": .*"))
                .map(l -> l.substring(3, l.indexOf('"', 3)))
                .toList();
        assertThat(topLevelKeys)
                .isSorted()
                .contains("endpoint", "key", "repeat", "request", "response", "status", "timings");
        assertThat(text).contains("\"status\": 200", "\"latency\": \"PT");

        // the same call recorded again produces the same bytes apart from its timing
        String before = Files.readString(files.get(0)).replaceAll("\"latency\": \"[^\"]+\"", "");
        new CassetteCalls(ReplayMode.RECORD, dir, List.of())
                .call(call("Hello", 0, false), live("Hi"))
                .join();
        assertThat(Files.readString(files.get(0)).replaceAll("\"latency\": \"[^\"]+\"", ""))
                .isEqualTo(before);
    }

    @Test
    void replayWithoutRecordingAbortsAndSaysHowToRecord() {
        CassetteCalls replayer = new CassetteCalls(ReplayMode.REPLAY, dir, List.of());
        CompletableFuture<ModelResult> result = replayer.call(call("never recorded", 0, false), failingLive());
        assertThatThrownBy(result::join)
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("No recording for suite › case [v1]")
                .hasMessageContaining("-Dtunegate.mode=record")
                .hasMessageContaining("-Dtunegate.mode=auto");
        assertThat(liveCalls).hasValue(0);
    }

    @Test
    void autoModeResumesAnInterruptedRunWithoutRepeatingCalls() {
        List<ModelCall> calls =
                Stream.of("a", "b", "c", "d", "e").map(p -> call(p, 0, false)).toList();
        // first run is interrupted after three calls
        CassetteCalls first = new CassetteCalls(ReplayMode.AUTO, dir, List.of());
        for (int i = 0; i < 3; i++) {
            first.call(calls.get(i), live("answer " + i)).join();
        }
        assertThat(liveCalls).hasValue(3);

        CassetteCalls resumed = new CassetteCalls(ReplayMode.AUTO, dir, List.of());
        for (ModelCall c : calls) {
            resumed.call(c, live("answer")).join();
        }
        assertThat(liveCalls).as("only the two missing calls are made").hasValue(5);

        CassetteCalls third = new CassetteCalls(ReplayMode.AUTO, dir, List.of());
        for (ModelCall c : calls) {
            assertThat(third.call(c, failingLive()).join().replayed()).isTrue();
        }
        assertThat(liveCalls).hasValue(5);
    }

    @Test
    void identicalCallsInFlightAreMadeOnce() {
        CassetteCalls recorder = new CassetteCalls(ReplayMode.AUTO, dir, List.of());
        CompletableFuture<ModelResult> slow = new CompletableFuture<>();
        Supplier<CompletableFuture<ModelResult>> pending = counted(slow);
        CompletableFuture<ModelResult> a = recorder.call(call("same", 0, false), pending);
        CompletableFuture<ModelResult> b = recorder.call(call("same", 0, false), pending);
        slow.complete(ModelResult.of(response("x"), Duration.ofMillis(3)));
        assertThat(a.join()).isEqualTo(b.join());
        assertThat(liveCalls).hasValue(1);
    }

    @Test
    void aCallSharedWhileInFlightIsRecordedForEverySuiteThatAskedForIt() {
        CassetteCalls recorder = new CassetteCalls(ReplayMode.RECORD, dir, List.of());
        CompletableFuture<ModelResult> slow = new CompletableFuture<>();
        Supplier<CompletableFuture<ModelResult>> pending = counted(slow);
        List<ModelCall> calls = Stream.of("s1", "s2", "s3")
                .map(suite -> new ModelCall(
                        "models/m:generateContent", GenerateContentRequest.of("same"), 0, suite, suite + " › c [v]"))
                .toList();
        List<CompletableFuture<ModelResult>> results =
                calls.stream().map(c -> recorder.call(c, pending)).toList();
        slow.complete(ModelResult.of(response("x"), Duration.ofMillis(3)));
        results.forEach(CompletableFuture::join);
        assertThat(liveCalls).hasValue(1);

        CassetteCalls replayer = new CassetteCalls(ReplayMode.REPLAY, dir, List.of());
        for (ModelCall c : calls) {
            assertThat(replayer.call(c, failingLive()).join().replayed())
                    .as(c.suite())
                    .isTrue();
        }
    }

    @Test
    void unusedRecordingsOfTheSuitesThatRanAreListedForPruning() throws IOException {
        CassetteCalls recorder = new CassetteCalls(ReplayMode.RECORD, dir, List.of());
        recorder.call(call("old prompt", 0, false), live("x")).join();
        recorder.call(
                        new ModelCall(
                                "models/m:generateContent", GenerateContentRequest.of("p"), 0, "other-suite", "t"),
                        live("y"))
                .join();

        CassetteCalls next = new CassetteCalls(ReplayMode.AUTO, dir, List.of());
        next.call(call("new prompt", 0, false), live("z")).join();
        StringBuilder log = new StringBuilder();
        List<Path> unused = next.finish(log::append);

        assertThat(unused).hasSize(1);
        assertThat(unused.get(0).getParent().getFileName()).hasToString("suite");
        assertThat(log).contains("1 recording(s)", "were not used", "tunegate cassettes prune " + dir);
        assertThat(Files.readAllLines(dir.resolve(CassetteStore.UNUSED_LIST)))
                .containsExactly(dir.relativize(unused.get(0)).toString().replace('\\', '/'));

        // a run that uses everything of its suites removes the stale list
        CassetteCalls clean = new CassetteCalls(ReplayMode.REPLAY, dir, List.of());
        clean.call(call("new prompt", 0, false), failingLive()).join();
        Files.delete(unused.get(0));
        assertThat(clean.finish(m -> {})).isEmpty();
        assertThat(dir.resolve(CassetteStore.UNUSED_LIST)).doesNotExist();
    }

    @Test
    void temporaryFilesLeftByAKilledRunAreRemovedWhenTheNextRunEnds() throws IOException {
        CassetteCalls killed = new CassetteCalls(ReplayMode.AUTO, dir, List.of());
        killed.call(call("a", 0, false), live("x")).join();
        Path suiteDir = dir.resolve("suite");
        // kill -9 between writing a recording's temporary file and moving it into place
        Path leftover = Files.writeString(suiteDir.resolve(".recording123.tmp"), "{\"key\": \"half");
        Files.setLastModifiedTime(leftover, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        CassetteCalls next = new CassetteCalls(ReplayMode.AUTO, dir, List.of());
        // another run's write under way, started after this run
        Path underWay = Files.writeString(suiteDir.resolve(".recording456.tmp"), "{");
        Files.setLastModifiedTime(underWay, FileTime.from(Instant.now().plus(Duration.ofMinutes(1))));
        next.call(call("a", 0, false), failingLive()).join();
        StringBuilder log = new StringBuilder();
        assertThat(next.finish(log::append)).isEmpty();

        assertThat(leftover).doesNotExist();
        assertThat(underWay).exists();
        assertThat(log).contains("Removed 1 temporary file(s)", "left by an interrupted run");
    }

    @Test
    void canaryApiKeyNeverReachesARecording() throws IOException {
        CassetteCalls recorder = new CassetteCalls(ReplayMode.RECORD, dir, List.of(CANARY));
        ModelCall leaky = call("my key is " + CANARY + ", please remember it", 0, false);
        recorder.call(leaky, live("I will not repeat " + CANARY)).join();

        for (Path file : recordings()) {
            assertThat(Files.readString(file)).doesNotContain(CANARY).contains(Redaction.MARK);
        }
        // the redacted recording still replays for the same call
        assertThat(new CassetteCalls(ReplayMode.REPLAY, dir, List.of(CANARY))
                        .call(leaky, failingLive())
                        .join()
                        .replayed())
                .isTrue();
    }

    @Test
    void modeIsParsedLeniently() {
        assertThat(ReplayMode.parse(" Auto ")).isEqualTo(ReplayMode.AUTO);
        assertThatThrownBy(() -> ReplayMode.parse("playback"))
                .hasMessageContaining("live, record, replay, auto")
                .hasMessageContaining("playback");
    }

    private List<Path> recordings() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static ModelCall call(String prompt, int repeat, boolean streaming) {
        return new ModelCall(
                ModelCall.endpoint("models/gemini-1.5-flash-001", streaming),
                GenerateContentRequest.of(prompt),
                repeat,
                "suite",
                "suite › case [v1]");
    }

    private Supplier<CompletableFuture<ModelResult>> live(String... chunks) {
        return () -> {
            liveCalls.incrementAndGet();
            List<GenerateContentResponse> responses =
                    Stream.of(chunks).map(CassetteCallsTest::response).toList();
            return CompletableFuture.completedFuture(
                    chunks.length == 1
                            ? ModelResult.of(responses.get(0), Duration.ofMillis(42))
                            : ModelResult.ofStream(responses, Duration.ofMillis(90), Duration.ofMillis(12)));
        };
    }

    /** A live call that is still on its way: it completes when the test completes {@code slow}. */
    private Supplier<CompletableFuture<ModelResult>> counted(CompletableFuture<ModelResult> slow) {
        return () -> {
            liveCalls.incrementAndGet();
            return slow;
        };
    }

    private Supplier<CompletableFuture<ModelResult>> failingLive() {
        return () -> {
            liveCalls.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalStateException("the endpoint must not be called"));
        };
    }

    private static GenerateContentResponse response(String text) {
        return GenerateContentResponse.of(
                List.of(Candidate.of(Content.model(text), FinishReason.STOP)), UsageMetadata.of(3, 1));
    }
}
