package dev.tunegate.emulator.tuning;

import java.util.Map;

/** Arithmetic on sparse vectors stored as feature-to-weight maps. */
final class SparseVectors {

    private SparseVectors() {
    }

    static double dot(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double sum = 0;
        for (Map.Entry<String, Double> entry : small.entrySet()) {
            Double other = large.get(entry.getKey());
            if (other != null) {
                sum += entry.getValue() * other;
            }
        }
        return sum;
    }

    /** {@code target += scale * v}, dropping weights that become negligible. */
    static void addScaled(Map<String, Double> target, Map<String, Double> v, double scale) {
        for (Map.Entry<String, Double> entry : v.entrySet()) {
            double updated = target.getOrDefault(entry.getKey(), 0.0) + scale * entry.getValue();
            if (Math.abs(updated) < 1e-9) {
                target.remove(entry.getKey());
            } else {
                target.put(entry.getKey(), updated);
            }
        }
    }

    static double norm(Map<String, Double> v) {
        double sum = 0;
        for (double w : v.values()) {
            sum += w * w;
        }
        return Math.sqrt(sum);
    }
}
