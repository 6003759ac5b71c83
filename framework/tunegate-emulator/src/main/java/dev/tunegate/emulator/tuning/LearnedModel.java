package dev.tunegate.emulator.tuning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The small model a tuning run trains: a softmax classifier over the distinct training outputs plus
 * one "fall back to the source model" class, on TF-IDF embeddings of the input text.
 *
 * <p>For an input with unit embedding {@code e}, the logit of learned output {@code c} is
 * {@code e · P_c} (its prototype) and the logit of falling back is the learned threshold {@code θ}.
 * A training step takes a batch, computes the cross-entropy {@code -ln p(target | input)} of every
 * example with the current parameters (that mean is the step's loss), then applies one gradient step:
 * {@code P_c -= η · mean((p_c - [c = target]) · e)} and {@code θ -= η · THRESHOLD_RATE · mean(p_fallback)},
 * with {@code θ} kept at or above {@value #THRESHOLD_FLOOR} so that an input sharing nothing with what
 * was learned always falls back. With more than {@value #MAX_NEGATIVES} outputs, only the
 * {@value #MAX_NEGATIVES} most probable wrong outputs of an example get their (negative) update, as in
 * sampled softmax, which keeps a step's cost independent of the number of outputs. Training only ever
 * sees inputs that should be answered from what was learned, so {@code θ} keeps falling the longer and
 * harder a model is tuned: that is how over-fitting shows (unrelated questions that share a few words
 * with the training inputs get a training output).
 *
 * <p>Weights are stored by feature (feature → output index → weight), so a logit costs only the
 * features the input has. Not thread-safe while training; a model built from a {@link LearnedState} and
 * only used for {@link #predict} is safe to share.
 */
final class LearnedModel {

    /** θ of a model that has learned nothing yet. */
    static final double INITIAL_THRESHOLD = 1.0;
    /** How fast θ learns relative to the prototypes. */
    static final double THRESHOLD_RATE = 0.1;
    /** The lowest θ can go. */
    static final double THRESHOLD_FLOOR = 0.0;
    /** Wrong outputs updated per example. */
    static final int MAX_NEGATIVES = 10;

    private FeatureSpace features;
    private final List<String> outputs;
    private final Map<String, Integer> outputIndex;
    private final Map<String, Map<Integer, Double>> weights;
    private double threshold;
    private long stepsTrained;
    /** Embeddings of training inputs, valid until the feature statistics change. */
    private final Map<String, Map<String, Double>> trainingEmbeddings = new HashMap<>();

    private LearnedModel(FeatureSpace features, double threshold, long stepsTrained) {
        this.features = features;
        this.outputs = new ArrayList<>();
        this.outputIndex = new HashMap<>();
        this.weights = new HashMap<>();
        this.threshold = threshold;
        this.stepsTrained = stepsTrained;
    }

    static LearnedModel untrained() {
        return new LearnedModel(FeatureSpace.empty(), INITIAL_THRESHOLD, 0);
    }

    static LearnedModel from(LearnedState state) {
        LearnedModel model = new LearnedModel(state.features(), state.threshold(), state.stepsTrained());
        for (LearnedState.LearnedOutput output : state.outputs()) {
            int c = model.addOutput(output.text());
            output.prototype()
                    .forEach((feature, w) -> model.weights
                            .computeIfAbsent(feature, k -> new HashMap<>())
                            .put(c, w));
        }
        return model;
    }

    /** Counts the inputs in the feature statistics and adds any output not learned yet. */
    void admit(List<TrainingExample> examples) {
        features = features.plus(examples.stream().map(TrainingExample::input).toList());
        trainingEmbeddings.clear();
        for (TrainingExample example : examples) {
            if (!outputIndex.containsKey(example.output())) {
                addOutput(example.output());
            }
        }
    }

    /**
     * One training step on {@code batch} with step size {@code eta}.
     *
     * @return the mean cross-entropy of the batch under the parameters before the update
     */
    double trainStep(List<TrainingExample> batch, double eta) {
        // feature -> output -> accumulated gradient
        Map<String, Map<Integer, Double>> gradients = new HashMap<>();
        double thresholdGradient = 0;
        double loss = 0;
        for (TrainingExample example : batch) {
            Map<String, Double> e = trainingEmbeddings.computeIfAbsent(example.input(), features::embed);
            double[] p = softmax(logits(e));
            int target = outputIndex.get(example.output()) + 1;
            loss += -Math.log(Math.max(p[target], 1e-300));
            thresholdGradient += p[0];
            accumulate(gradients, e, target - 1, p[target] - 1.0);
            for (int c : mostProbableWrong(p, target)) {
                accumulate(gradients, e, c - 1, p[c]);
            }
        }
        int n = batch.size();
        gradients.forEach((feature, byOutput) -> {
            Map<Integer, Double> w = weights.computeIfAbsent(feature, k -> new HashMap<>());
            byOutput.forEach((c, g) -> {
                double updated = w.getOrDefault(c, 0.0) - eta * g / n;
                if (Math.abs(updated) < 1e-9) {
                    w.remove(c);
                } else {
                    w.put(c, updated);
                }
            });
        });
        threshold = Math.max(THRESHOLD_FLOOR, threshold - eta * THRESHOLD_RATE * thresholdGradient / n);
        stepsTrained++;
        return loss / n;
    }

    Prediction predict(String input) {
        double[] z = logits(features.embed(input));
        List<Prediction.Candidate> candidates = new ArrayList<>(outputs.size());
        for (int c = 0; c < outputs.size(); c++) {
            candidates.add(new Prediction.Candidate(outputs.get(c), z[c + 1]));
        }
        return new Prediction(threshold, candidates);
    }

    LearnedState state() {
        List<Map<String, Double>> prototypes = new ArrayList<>();
        for (int c = 0; c < outputs.size(); c++) {
            prototypes.add(new HashMap<>());
        }
        weights.forEach((feature, byOutput) ->
                byOutput.forEach((c, w) -> prototypes.get(c).put(feature, w)));
        List<LearnedState.LearnedOutput> learned = new ArrayList<>();
        for (int c = 0; c < outputs.size(); c++) {
            learned.add(new LearnedState.LearnedOutput(outputs.get(c), prototypes.get(c)));
        }
        return new LearnedState(features, learned, threshold, stepsTrained);
    }

    double threshold() {
        return threshold;
    }

    private int addOutput(String text) {
        int c = outputs.size();
        outputs.add(text);
        outputIndex.put(text, c);
        return c;
    }

    /** Index 0 is the fallback; index {@code c + 1} is output {@code c}. */
    private double[] logits(Map<String, Double> e) {
        double[] z = new double[outputs.size() + 1];
        z[0] = threshold;
        e.forEach((feature, x) -> {
            Map<Integer, Double> byOutput = weights.get(feature);
            if (byOutput != null) {
                byOutput.forEach((c, w) -> z[c + 1] += x * w);
            }
        });
        return z;
    }

    private static List<Integer> mostProbableWrong(double[] p, int target) {
        int wrong = p.length - 2;
        List<Integer> chosen = new ArrayList<>(Math.min(wrong, MAX_NEGATIVES));
        if (wrong <= MAX_NEGATIVES) {
            for (int c = 1; c < p.length; c++) {
                if (c != target) {
                    chosen.add(c);
                }
            }
            return chosen;
        }
        PriorityQueue<Integer> top = new PriorityQueue<>((a, b) -> Double.compare(p[a], p[b]));
        for (int c = 1; c < p.length; c++) {
            if (c == target) {
                continue;
            }
            top.add(c);
            if (top.size() > MAX_NEGATIVES) {
                top.poll();
            }
        }
        chosen.addAll(top);
        return chosen;
    }

    private static void accumulate(
            Map<String, Map<Integer, Double>> gradients, Map<String, Double> e, int output, double g) {
        if (Math.abs(g) < 1e-12) {
            return;
        }
        e.forEach((feature, x) ->
                gradients.computeIfAbsent(feature, k -> new HashMap<>()).merge(output, g * x, Double::sum));
    }

    private static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
