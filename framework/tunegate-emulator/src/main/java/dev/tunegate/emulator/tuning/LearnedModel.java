package dev.tunegate.emulator.tuning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * was learned always falls back. Training only ever sees inputs that should be answered from what was
 * learned, so {@code θ} keeps falling the longer and harder a model is tuned: that is how over-fitting
 * shows (unrelated questions that share a few words with the training inputs get a training output).
 *
 * <p>Not thread-safe while training; a model built from a {@link LearnedState} and only used for
 * {@link #predict} is safe to share.
 */
final class LearnedModel {

    /** θ of a model that has learned nothing yet. */
    static final double INITIAL_THRESHOLD = 1.0;
    /** How fast θ learns relative to the prototypes. */
    static final double THRESHOLD_RATE = 0.1;
    /** The lowest θ can go. */
    static final double THRESHOLD_FLOOR = 0.0;

    private FeatureSpace features;
    private final Map<String, Map<String, Double>> prototypes;
    private double threshold;
    private long stepsTrained;

    private LearnedModel(FeatureSpace features, Map<String, Map<String, Double>> prototypes, double threshold,
            long stepsTrained) {
        this.features = features;
        this.prototypes = prototypes;
        this.threshold = threshold;
        this.stepsTrained = stepsTrained;
    }

    static LearnedModel untrained() {
        return new LearnedModel(FeatureSpace.empty(), new LinkedHashMap<>(), INITIAL_THRESHOLD, 0);
    }

    static LearnedModel from(LearnedState state) {
        Map<String, Map<String, Double>> prototypes = new LinkedHashMap<>();
        for (LearnedState.LearnedOutput output : state.outputs()) {
            prototypes.put(output.text(), new HashMap<>(output.prototype()));
        }
        return new LearnedModel(state.features(), prototypes, state.threshold(), state.stepsTrained());
    }

    /** Counts the inputs in the feature statistics and adds any output not learned yet. */
    void admit(List<TrainingExample> examples) {
        features = features.plus(examples.stream().map(TrainingExample::input).toList());
        for (TrainingExample example : examples) {
            prototypes.computeIfAbsent(example.output(), k -> new HashMap<>());
        }
    }

    /**
     * One training step on {@code batch} with step size {@code eta}.
     *
     * @return the mean cross-entropy of the batch under the parameters before the update
     */
    double trainStep(List<TrainingExample> batch, double eta) {
        List<String> outputs = new ArrayList<>(prototypes.keySet());
        Map<String, Map<String, Double>> gradients = new HashMap<>();
        double thresholdGradient = 0;
        double loss = 0;
        for (TrainingExample example : batch) {
            Map<String, Double> e = features.embed(example.input());
            double[] logits = logits(e, outputs);
            double[] p = softmax(logits);
            int target = outputs.indexOf(example.output()) + 1;
            loss += -Math.log(Math.max(p[target], 1e-300));
            thresholdGradient += p[0];
            for (int c = 1; c < logits.length; c++) {
                double g = p[c] - (c == target ? 1.0 : 0.0);
                if (Math.abs(g) > 1e-12) {
                    SparseVectors.addScaled(gradients.computeIfAbsent(outputs.get(c - 1), k -> new HashMap<>()), e, g);
                }
            }
        }
        int n = batch.size();
        gradients.forEach((output, g) -> SparseVectors.addScaled(prototypes.get(output), g, -eta / n));
        threshold = Math.max(THRESHOLD_FLOOR, threshold - eta * THRESHOLD_RATE * thresholdGradient / n);
        stepsTrained++;
        return loss / n;
    }

    Prediction predict(String input) {
        Map<String, Double> e = features.embed(input);
        List<Prediction.Candidate> candidates = new ArrayList<>(prototypes.size());
        prototypes.forEach((output, prototype) ->
                candidates.add(new Prediction.Candidate(output, SparseVectors.dot(e, prototype))));
        return new Prediction(threshold, candidates);
    }

    LearnedState state() {
        List<LearnedState.LearnedOutput> outputs = new ArrayList<>();
        prototypes.forEach((text, prototype) -> outputs.add(new LearnedState.LearnedOutput(text, prototype)));
        return new LearnedState(features, outputs, threshold, stepsTrained);
    }

    double threshold() {
        return threshold;
    }

    private double[] logits(Map<String, Double> e, List<String> outputs) {
        double[] logits = new double[outputs.size() + 1];
        logits[0] = threshold;
        for (int c = 0; c < outputs.size(); c++) {
            logits[c + 1] = SparseVectors.dot(e, prototypes.get(outputs.get(c)));
        }
        return logits;
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
