package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Issue 12, item 2: a {@code tune:} block's tuned model carries a hash of its training data and
 * settings, and a model tuned from other data is never reused silently. Runs the real engine against
 * the embedded emulator with a persistent data directory, so the tuned model outlives each run.
 */
class StaleTunedModelTest {

    private static final String MODEL = "tunedModels/stale-check";
    private static final Pattern HASH = Pattern.compile("tunegate:sha256=([0-9a-f]{64})");

    @TempDir
    Path project;

    @TempDir
    Path emulatorData;

    @Test
    void aModelTunedFromOtherDataFailsItsVariantUntilReplacedAndAnUnchangedOneIsReusedWithALogLine() throws Exception {
        Path suite = project.resolve("stale.eval.yaml");
        Files.writeString(suite, """
                suite: stale
                models:
                  base: models/gemini-1.5-flash-001
                  tuned:
                    model: %s
                    tune:
                      baseModel: models/gemini-1.5-flash-001-tuning
                      trainingData: intents.train.jsonl
                      hyperparameters: {epochCount: 10, batchSize: 2}
                      description: intents, kept by the engine
                generationConfig: {temperature: 0}
                cases:
                  - id: refund
                    prompt: "I want a refund for my order"
                    expect: [{contains: refund}]
                  - id: shipping
                    prompt: "Where is my package?"
                    expect: [{contains: shipping}]
                """.formatted(MODEL));
        Path data = project.resolve("intents.train.jsonl");

        // 1. 16 lines: the model is created, with the hash in its description
        Files.write(data, trainingLines(16));
        Run first = run(suite, Map.of());
        first.results.testEvents().assertStatistics(s -> s.failed(0));
        String sixteen = hashIn(first.log, "tuning " + MODEL + " from ");

        // 2. the same model id, 4 lines: not reused; each test of the variant fails with the way out
        Files.write(data, trainingLines(4));
        Run second = run(suite, Map.of());
        String four;
        {
            List<String> messages = new ArrayList<>();
            for (String test : List.of("stale › refund [tuned]", "stale › shipping [tuned]")) {
                second.results
                        .testEvents()
                        .assertThatEvents()
                        .haveExactly(1, event(test(), displayName(test), finishedWithFailure(message(messages::add))));
            }
            String m = messages.get(0);
            assertThat(m)
                    .contains("tuned model " + MODEL + " is stale")
                    .contains("the model's description: tunegate:sha256=" + sixteen)
                    .contains("4 examples of")
                    .contains("a new model id")
                    .contains("tunegate.tune.replace=true");
            Matcher block = Pattern.compile("the tune block: +tunegate:sha256=([0-9a-f]{64})")
                    .matcher(m);
            assertThat(block.find()).isTrue();
            four = block.group(1);
            assertThat(four).isNotEqualTo(sixteen);
        }
        second.results
                .testEvents()
                .assertThatEvents()
                .haveExactly(0, event(test(), ExecutionTest.nameEndsWith("[base]"), finishedWithFailure()));

        // 3. tunegate.tune.replace=true: deleted and tuned again from the 4 lines; the tests pass
        Run third = run(suite, Map.of("tunegate.tune.replace", "true"));
        third.results.testEvents().assertStatistics(s -> s.failed(0));
        assertThat(third.log)
                .anySatisfy(l -> assertThat(l)
                        .contains("replacing " + MODEL)
                        .contains(sixteen)
                        .contains(four));
        assertThat(hashIn(third.log, "tuning " + MODEL + " from ")).isEqualTo(four);

        // 4. unchanged: reused, and the log says which model with which hash
        Run fourth = run(suite, Map.of());
        fourth.results.testEvents().assertStatistics(s -> s.failed(0));
        assertThat(fourth.log).noneSatisfy(l -> assertThat(l).contains("tuning " + MODEL + " from "));
        assertThat(fourth.log)
                .anySatisfy(l -> assertThat(l).contains("reusing " + MODEL).contains("tunegate:sha256=" + four));
    }

    private static List<String> trainingLines(int n) {
        String[] refund = {
            "I want a refund for my order",
            "Please give me my money back",
            "The product broke, I would like a refund",
            "Refund my purchase please",
            "I returned the shoes, where is my refund?",
            "Can I get my money back for this?",
            "This is defective, I want a refund",
            "Give me a refund now"
        };
        String[] shipping = {
            "Where is my package?",
            "My order has not arrived yet",
            "When will my parcel be delivered?",
            "Tracking says nothing, where is my order?",
            "The delivery is late",
            "Has my package shipped?",
            "How long does shipping take?",
            "My parcel is lost in transit"
        };
        List<String> lines = new ArrayList<>();
        for (int i = 0; lines.size() < n; i++) {
            lines.add(line(refund[i], "refund"));
            if (lines.size() < n) {
                lines.add(line(shipping[i], "shipping"));
            }
        }
        return lines;
    }

    private static String line(String input, String intent) {
        return "{\"textInput\": \"" + input.replace("\"", "\\\"") + "\", \"output\": \"{\\\"intent\\\":\\\"" + intent
                + "\\\"}\"}";
    }

    private static String hashIn(List<String> log, String start) {
        String line = log.stream()
                .filter(l -> l.contains(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no log line with '" + start + "' in " + log));
        Matcher m = HASH.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return m.group(1);
    }

    private Run run(Path suite, Map<String, String> params) {
        EngineLog captured = EngineLog.levelsAndMessages();
        List<String> log = captured.lines();
        try (captured) {
            EngineTestKit.Builder kit = EngineTestKit.engine("tunegate")
                    .selectors(selectFile(suite.toFile()))
                    .configurationParameter("tunegate.project-root", project.toString())
                    .configurationParameter("tunegate.emulator.data-dir", emulatorData.toString())
                    .configurationParameter(
                            "tunegate.reports.dir", project.resolve("reports").toString())
                    .configurationParameter("tunegate.allure.enabled", "false")
                    .configurationParameter("tunegate.tuning.poll-interval", "PT0.05S");
            params.forEach(kit::configurationParameter);
            return new Run(kit.execute(), log);
        }
    }

    private record Run(EngineExecutionResults results, List<String> log) {}
}
