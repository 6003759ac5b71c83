package dev.tunegate.emulator.tuning;

import java.util.HashMap;
import java.util.Map;

/**
 * Document frequencies of features over every training input a model has seen, giving TF-IDF
 * embeddings: {@code idf(f) = ln((1 + documents) / (1 + df(f))) + 1}, and each embedding is scaled to
 * unit length. Features never seen in training get the highest idf, so unknown words dilute the match.
 *
 * @param documents           number of training inputs counted
 * @param documentFrequencies feature to number of training inputs containing it
 */
record FeatureSpace(int documents, Map<String, Integer> documentFrequencies) {

    FeatureSpace {
        documentFrequencies = Map.copyOf(documentFrequencies);
    }

    static FeatureSpace empty() {
        return new FeatureSpace(0, Map.of());
    }

    /** This space with the given inputs counted as further documents. */
    FeatureSpace plus(Iterable<String> inputs) {
        Map<String, Integer> df = new HashMap<>(documentFrequencies);
        int count = documents;
        for (String input : inputs) {
            count++;
            for (String feature : TextFeatures.termFrequencies(input).keySet()) {
                df.merge(feature, 1, Integer::sum);
            }
        }
        return new FeatureSpace(count, df);
    }

    /** The unit-length TF-IDF embedding of {@code text} (empty when the text has no words). */
    Map<String, Double> embed(String text) {
        Map<String, Double> tf = TextFeatures.termFrequencies(text);
        Map<String, Double> v = new HashMap<>(tf.size() * 2);
        for (Map.Entry<String, Double> entry : tf.entrySet()) {
            int df = documentFrequencies.getOrDefault(entry.getKey(), 0);
            double idf = Math.log((1.0 + documents) / (1.0 + df)) + 1.0;
            v.put(entry.getKey(), entry.getValue() * idf);
        }
        double sumOfSquares = 0;
        for (double w : v.values()) {
            sumOfSquares += w * w;
        }
        double norm = Math.sqrt(sumOfSquares);
        if (norm > 0) {
            v.replaceAll((k, w) -> w / norm);
        }
        return v;
    }
}
