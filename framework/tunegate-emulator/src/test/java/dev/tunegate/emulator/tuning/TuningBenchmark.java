package dev.tunegate.emulator.tuning;

import dev.tunegate.emulator.GeminiEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Prints how fast tuning runs (not a test; run by hand):
 * {@code mvn -B -o -pl framework/tunegate-emulator -am -Pbench-tuning -DskipTests verify}.
 * Figures: learner steps per second for datasets of growing size, and the wall time of a whole
 * create-to-done run of the 20-example support set over loopback HTTP at {@code tuningStepMillis(0)}.
 */
public final class TuningBenchmark {

    private TuningBenchmark() {}

    public static void main(String[] args) {
        for (int[] size : new int[][] {{20, 5}, {200, 10}, {1000, 50}, {1000, 1000}}) {
            learner(size[0], size[1]);
        }
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).tuningStepMillis(0).build().start()) {
            RawApi api = new RawApi(emulator.baseUrl());
            for (int i = 0; i < 6; i++) {
                long start = System.nanoTime();
                String op = api.post("/v1beta/tunedModels?tunedModelId=bench-" + i, RawApi.supportIntents())
                        .json()
                        .get("name")
                        .asText();
                api.awaitDone(op, Duration.ofSeconds(60));
                System.out.printf(
                        "HTTP create -> done, 20 examples, 25 steps: %.0f ms%n", (System.nanoTime() - start) / 1e6);
            }
        }
    }

    private static void learner(int examples, int outputs) {
        Random random = new Random(1);
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder word = new StringBuilder();
            for (int j = 0, n = 3 + random.nextInt(6); j < n; j++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            vocabulary.add(word.toString());
        }
        List<TrainingExample> data = new ArrayList<>();
        for (int i = 0; i < examples; i++) {
            StringBuilder input = new StringBuilder();
            for (int j = 0; j < 12; j++) {
                input.append(vocabulary.get(random.nextInt(vocabulary.size()))).append(' ');
            }
            data.add(new TrainingExample(input.toString(), "output " + (i % outputs)));
        }
        TuningPlan plan = TuningPlan.resolve(examples, null, null, null, null);
        LearnedModel model = LearnedModel.untrained();
        model.admit(data);
        Trainer trainer = new Trainer(model, data, plan, 1);
        long start = System.nanoTime();
        while (trainer.hasNext()) {
            trainer.step();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "learner: %5d examples, %5d outputs, batch %2d: %4d steps in %6.2f s = %7.0f steps/s%n",
                examples, outputs, plan.batchSize(), plan.totalSteps(), seconds, plan.totalSteps() / seconds);
    }
}
