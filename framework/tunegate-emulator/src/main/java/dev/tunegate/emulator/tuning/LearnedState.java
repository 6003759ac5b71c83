package dev.tunegate.emulator.tuning;

import java.util.List;
import java.util.Map;

/**
 * Everything a tuned model has learned, in the form that is persisted in the data directory and
 * copied when another model is tuned from this one ({@code tunedModelSource}).
 *
 * @param features       document frequencies of the training inputs seen so far
 * @param outputs        the distinct outputs the model can answer with, each with its learned prototype
 * @param threshold      the learned logit of "answer from the source model" (the acceptance threshold)
 * @param stepsTrained   tuning steps applied so far, over this model and its sources
 */
record LearnedState(FeatureSpace features, List<LearnedOutput> outputs, double threshold, long stepsTrained) {

    LearnedState {
        outputs = List.copyOf(outputs);
    }

    /**
     * One answer the model learned, with its prototype: the weight vector whose dot product with an
     * input's embedding is the logit of answering with {@code text}.
     */
    record LearnedOutput(String text, Map<String, Double> prototype) {
        LearnedOutput {
            prototype = Map.copyOf(prototype);
        }
    }
}
