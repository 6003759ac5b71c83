package dev.tunegate.emulator.tuning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * What a learned model predicts for one input: a logit for every learned output plus one for
 * "fall back to the source model". The answer is chosen greedily at temperature 0 and otherwise
 * sampled from {@code softmax(logit / temperature)} restricted to the top-K and top-P candidates.
 *
 * @param fallbackLogit the learned threshold logit
 * @param candidates    one per learned output, in learning order
 */
record Prediction(double fallbackLogit, List<Candidate> candidates) {

    Prediction {
        candidates = List.copyOf(candidates);
    }

    /** One learned output and its logit for this input. */
    record Candidate(String output, double logit) {}

    /** The learned output with the highest logit, if it beats the threshold. */
    Optional<Candidate> best() {
        Candidate best = null;
        for (Candidate candidate : candidates) {
            if (best == null || candidate.logit() > best.logit()) {
                best = candidate;
            }
        }
        return best != null && best.logit() > fallbackLogit ? Optional.of(best) : Optional.empty();
    }

    /**
     * Chooses the answer: empty means "let the source model answer".
     *
     * @param temperature 0 for greedy decoding
     * @param topP        nucleus mass, or {@code null} for none
     * @param topK        candidate count, or {@code null} for none
     * @param random      seeded randomness for sampling
     */
    Optional<String> choose(double temperature, Double topP, Integer topK, Random random) {
        if (temperature <= 0) {
            return best().map(Candidate::output);
        }
        List<Candidate> all = new ArrayList<>(candidates);
        all.add(new Candidate(null, fallbackLogit));
        all.sort(Comparator.comparingDouble(Candidate::logit).reversed());
        if (topK != null && topK > 0 && topK < all.size()) {
            all = all.subList(0, topK);
        }
        double max = all.get(0).logit();
        double[] weights = new double[all.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Math.exp((all.get(i).logit() - max) / temperature);
            total += weights[i];
        }
        int kept = weights.length;
        if (topP != null && topP > 0 && topP < 1) {
            double mass = 0;
            for (int i = 0; i < weights.length; i++) {
                mass += weights[i] / total;
                if (mass >= topP) {
                    kept = i + 1;
                    break;
                }
            }
        }
        double keptTotal = 0;
        for (int i = 0; i < kept; i++) {
            keptTotal += weights[i];
        }
        double draw = random.nextDouble() * keptTotal;
        for (int i = 0; i < kept; i++) {
            draw -= weights[i];
            if (draw <= 0) {
                return Optional.ofNullable(all.get(i).output());
            }
        }
        return Optional.ofNullable(all.get(kept - 1).output());
    }
}
