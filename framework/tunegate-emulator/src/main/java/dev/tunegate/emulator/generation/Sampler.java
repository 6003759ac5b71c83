package dev.tunegate.emulator.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Seeded sampling for one candidate of one request. At temperature 0 every choice is the first
 * (most likely) option, so answers are deterministic. Above 0, option {@code i} of a ranked list gets
 * weight {@code exp(-i / temperature)}; {@code topK} keeps only the first K options and {@code topP}
 * keeps the smallest prefix whose normalised weight reaches P; one option is then drawn from a
 * {@link SplittableRandom} seeded per request (see {@link #seedFor}). Not thread-safe: one per candidate.
 */
@API(status = API.Status.EXPERIMENTAL)
public final class Sampler {
    private final double temperature;
    private final Double topP;
    private final Integer topK;
    private final SplittableRandom random;

    /** A sampler with the given parameters and seed. */
    public Sampler(double temperature, Double topP, Integer topK, long seed) {
        this.temperature = temperature;
        this.topP = topP;
        this.topK = topK;
        this.random = new SplittableRandom(seed);
    }

    /** A deterministic sampler (temperature 0). */
    public static Sampler greedy() {
        return new Sampler(0, null, null, 0);
    }

    /** Mixes the emulator seed, a request fingerprint, an occurrence number and the candidate index. */
    public static long seedFor(long emulatorSeed, long requestHash, long occurrence, int candidateIndex) {
        long h = emulatorSeed * 0x9E3779B97F4A7C15L;
        h ^= requestHash + 0x632BE59BD9B4E019L + (h << 6) + (h >>> 2);
        h ^= occurrence * 0xC2B2AE3D27D4EB4FL;
        h ^= (long) candidateIndex * 0x165667B19E3779F9L;
        return h;
    }

    /** The sampling temperature. */
    public double temperature() {
        return temperature;
    }

    /** The nucleus-sampling mass, or null for none. */
    public Double topP() {
        return topP;
    }

    /** The top-K cut, or null for none. */
    public Integer topK() {
        return topK;
    }

    /** Whether every choice is the first option (temperature 0). */
    public boolean isGreedy() {
        return temperature <= 0;
    }

    /** Picks one of {@code options}, ranked most likely first. */
    public <T> T choose(List<T> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("no options");
        }
        return options.get(chooseIndex(options.size()));
    }

    /** Picks an index in {@code [0, n)}, where lower indexes are more likely. */
    public int chooseIndex(int n) {
        if (n <= 1 || isGreedy()) {
            return 0;
        }
        int limit = topK == null || topK <= 0 ? n : Math.min(n, topK);
        List<Double> weights = new ArrayList<>(limit);
        double total = 0;
        for (int i = 0; i < limit; i++) {
            double w = Math.exp(-i / temperature);
            weights.add(w);
            total += w;
        }
        if (topP != null && topP < 1) {
            double cumulative = 0;
            int keep = 0;
            while (keep < limit) {
                cumulative += weights.get(keep) / total;
                keep++;
                if (cumulative >= topP) {
                    break;
                }
            }
            total = 0;
            for (int i = 0; i < keep; i++) {
                total += weights.get(i);
            }
            limit = keep;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < limit; i++) {
            r -= weights.get(i);
            if (r < 0) {
                return i;
            }
        }
        return limit - 1;
    }

    /** A uniform double in [0, 1) from this sampler's stream (0.5 when greedy). */
    public double nextDouble() {
        return isGreedy() ? 0.5 : random.nextDouble();
    }
}
