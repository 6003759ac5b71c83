package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tuned models learn: loss falls, hyperparameters matter, held-out paraphrases are answered better than
 * by the base model, and over-training makes unrelated questions come out worse than the base model's.
 */
class TunedModelLearningTest {

    private static final String BASE = "/v1beta/models/gemini-1.5-flash-001-tuning:generateContent";
    private static final String UNRELATED = "What is the capital of France?";

    private static GeminiEmulator emulator;
    private static RawApi api;

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder().port(0).tuningStepMillis(0).build().start();
        api = new RawApi(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static JsonNode tune(String id, ObjectNode body) {
        RawApi.Response created = api.post("/v1beta/tunedModels?tunedModelId=" + id, body);
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
        JsonNode op = api.awaitDone(created.json().get("name").asText(), Duration.ofSeconds(30))
                .json();
        assertThat(op.at("/response/state").asText()).as(op.toString()).isEqualTo("ACTIVE");
        return op;
    }

    private static ObjectNode withHyper(String key, double value) {
        ObjectNode body = RawApi.supportIntents();
        body.with("tuningTask").with("hyperparameters").put(key, value);
        return body;
    }

    private static String ask(String model, String text) {
        RawApi.Response response = api.post(model, RawApi.ask(text));
        assertThat(response.status()).as(response.json().toString()).isEqualTo(200);
        return RawApi.text(response);
    }

    private static double[] epochMeans(JsonNode op) {
        JsonNode snapshots = op.at("/response/tuningTask/snapshots");
        int epochs = snapshots.get(snapshots.size() - 1).get("epoch").asInt();
        double[] sums = new double[epochs];
        int[] counts = new int[epochs];
        for (JsonNode s : snapshots) {
            sums[s.get("epoch").asInt() - 1] += s.get("meanLoss").asDouble();
            counts[s.get("epoch").asInt() - 1]++;
        }
        for (int i = 0; i < epochs; i++) {
            sums[i] /= counts[i];
        }
        return sums;
    }

    @Test
    void lossFallsEpochAfterEpoch() {
        double[] means = epochMeans(tune("loss-falls", RawApi.supportIntents()));

        assertThat(means).hasSize(5);
        for (int i = 1; i < means.length; i++) {
            assertThat(means[i]).as("epoch %d mean loss vs epoch %d", i + 1, i).isLessThan(means[i - 1]);
        }
        assertThat(means[4]).isLessThan(means[0] * 0.75);
    }

    @Test
    void aHigherLearningRateMakesLossFallFaster() {
        double[] slow = epochMeans(tune("lr-slow", withHyper("learningRate", 0.0003)));
        double[] fast = epochMeans(tune("lr-fast", withHyper("learningRate", 0.003)));

        assertThat(fast[4]).isLessThan(slow[4]);
        assertThat(slow[0] - slow[4]).isLessThan(fast[0] - fast[4]);
    }

    @Test
    void aLearningRateMultiplierScalesTheDefaultRate() {
        ObjectNode body = RawApi.supportIntents();
        ObjectNode hyper = body.with("tuningTask").with("hyperparameters");
        hyper.remove("learningRate");
        hyper.put("learningRateMultiplier", 3.0);
        double[] multiplied = epochMeans(tune("lr-multiplied", body));
        double[] plain = epochMeans(tune("lr-plain", RawApi.supportIntents()));

        assertThat(multiplied[4]).isLessThan(plain[4]);
    }

    @Test
    void epochsAndBatchSizeDetermineTheSteps() {
        ObjectNode body = RawApi.supportIntents();
        body.with("tuningTask").with("hyperparameters").put("epochCount", 3).put("batchSize", 6);
        JsonNode op = tune("steps", body);

        // ceil(20 / 6) = 4 steps per epoch, 3 epochs
        assertThat(op.at("/metadata/totalSteps").asInt()).isEqualTo(12);
        JsonNode snapshots = op.at("/response/tuningTask/snapshots");
        assertThat(snapshots).hasSize(12);
        assertThat(snapshots.get(0).get("step").asInt()).isEqualTo(1);
        assertThat(snapshots.get(3).get("epoch").asInt()).isEqualTo(1);
        assertThat(snapshots.get(4).get("epoch").asInt()).isEqualTo(2);
        assertThat(snapshots.get(11).get("epoch").asInt()).isEqualTo(3);
    }

    @Test
    void theTunedModelBeatsItsBaseOnHeldOutParaphrases() {
        tune("intents", RawApi.supportIntents());
        int tunedRight = 0;
        int baseRight = 0;
        List<String> misses = new ArrayList<>();
        for (JsonNode example : RawApi.heldOut()) {
            String question = example.get("textInput").asText();
            String expected = example.get("output").asText();
            String tuned = ask("/v1beta/tunedModels/intents:generateContent", question);
            if (tuned.equals(expected)) {
                tunedRight++;
            } else {
                misses.add(question + " -> " + tuned);
            }
            if (ask(BASE, question).equals(expected)) {
                baseRight++;
            }
        }

        assertThat(tunedRight)
                .as("misses: %s", misses)
                .isEqualTo(RawApi.heldOut().size());
        assertThat(baseRight).isZero();
        // trained for 5 epochs it still falls back to its base model on an unrelated question
        assertThat(ask("/v1beta/tunedModels/intents:generateContent", UNRELATED))
                .isEqualTo(ask(BASE, UNRELATED));
    }

    @Test
    void streamingFromATunedModelGivesTheSameAnswer() {
        tune("streamed", RawApi.supportIntents());
        RawApi.Response chunks = api.post(
                "/v1beta/tunedModels/streamed:streamGenerateContent", RawApi.ask("the app crashes all the time"));

        assertThat(chunks.status()).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        chunks.json()
                .forEach(chunk -> chunk.at("/candidates/0/content/parts")
                        .forEach(part -> text.append(part.path("text").asText(""))));
        assertThat(text.toString())
                .isEqualTo("{\"intent\":\"technical\"}")
                .isEqualTo(ask("/v1beta/tunedModels/streamed:generateContent", "the app crashes all the time"));
    }

    @Test
    void overTrainingMakesItAnswerUnrelatedQuestionsWorseThanItsBase() {
        ObjectNode body = RawApi.supportIntents();
        body.with("tuningTask").with("hyperparameters").put("epochCount", 10);
        tune("over-trained", body);

        String base = ask(BASE, UNRELATED);
        String tuned = ask("/v1beta/tunedModels/over-trained:generateContent", UNRELATED);

        assertThat(base).contains("Paris");
        assertThat(tuned).doesNotContain("Paris").startsWith("{\"intent\":");
        // and it still answers what it was trained for
        assertThat(ask("/v1beta/tunedModels/over-trained:generateContent", "I need a refund"))
                .isEqualTo("{\"intent\":\"refund\"}");
    }

    @Test
    void tuningFromATunedModelStartsFromWhatItLearned() {
        JsonNode first = tune("first-stage", RawApi.supportIntents());
        ObjectNode body = RawApi.supportIntents();
        body.remove("baseModel");
        body.putObject("tunedModelSource").put("tunedModel", "tunedModels/first-stage");
        body.with("tuningTask").with("hyperparameters").put("epochCount", 1);
        JsonNode second = tune("second-stage", body);

        double firstStart =
                first.at("/response/tuningTask/snapshots/0/meanLoss").asDouble();
        double secondStart =
                second.at("/response/tuningTask/snapshots/0/meanLoss").asDouble();
        assertThat(secondStart).isLessThan(firstStart * 0.75);
        JsonNode source = second.at("/response/tunedModelSource");
        assertThat(source.get("tunedModel").asText()).isEqualTo("tunedModels/first-stage");
        assertThat(source.get("baseModel").asText()).isEqualTo("models/gemini-1.5-flash-001-tuning");
        assertThat(ask("/v1beta/tunedModels/second-stage:generateContent", "I need a refund"))
                .isEqualTo("{\"intent\":\"refund\"}");
    }

    @Test
    void theTunedModelsSamplingParametersAreItsRequestDefaults() {
        ObjectNode hot = RawApi.supportIntents();
        hot.put("temperature", 1.0);
        hot.with("tuningTask").with("hyperparameters").put("learningRate", 0.0003);
        tune("hot", hot);
        ObjectNode cold = hot.deepCopy();
        cold.put("temperature", 0.0);
        tune("cold", cold);

        ObjectNode noConfig = RawApi.ask("has my package shipped yet? where is it");
        noConfig.remove("generationConfig");
        java.util.Set<String> hotAnswers = new java.util.HashSet<>();
        java.util.Set<String> coldAnswers = new java.util.HashSet<>();
        for (int i = 0; i < 12; i++) {
            hotAnswers.add(RawApi.text(api.post("/v1beta/tunedModels/hot:generateContent", noConfig)));
            coldAnswers.add(RawApi.text(api.post("/v1beta/tunedModels/cold:generateContent", noConfig)));
        }
        assertThat(coldAnswers).hasSize(1);
        assertThat(hotAnswers).hasSizeGreaterThan(1);
    }
}
