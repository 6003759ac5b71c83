package dev.tunegate.engine.model.stats;

/** Argument checks shared by the statistics records. */
final class Counts {

    private Counts() {}

    static void requireSubset(int part, int total, String name) {
        if (total < 0 || part < 0 || part > total) {
            throw new IllegalArgumentException(name + " must be in [0, " + total + "], was " + part);
        }
    }

    static void requireNonNegative(int value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
