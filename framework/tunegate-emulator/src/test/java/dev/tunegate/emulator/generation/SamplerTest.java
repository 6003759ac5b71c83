package dev.tunegate.emulator.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplerTest {
    private static final List<String> OPTIONS = List.of("a", "b", "c", "d");

    @Test
    void greedyAlwaysPicksTheFirstOption() {
        for (long seed = 0; seed < 50; seed++) {
            assertThat(new Sampler(0, null, null, seed).choose(OPTIONS)).isEqualTo("a");
        }
    }

    @Test
    void sameSeedSameChoiceAndHotterIsFlatter() {
        assertThat(new Sampler(1, null, null, 5).choose(OPTIONS))
                .isEqualTo(new Sampler(1, null, null, 5).choose(OPTIONS));
        assertThat(firstShare(0.3)).isGreaterThan(firstShare(2.0));
    }

    @Test
    void topKAndTopPRestrictTheOptions() {
        Map<String, Integer> counts = new HashMap<>();
        for (long seed = 0; seed < 500; seed++) {
            counts.merge(new Sampler(2, null, 2, seed).choose(OPTIONS), 1, Integer::sum);
        }
        assertThat(counts.keySet()).containsExactlyInAnyOrder("a", "b");
        for (long seed = 0; seed < 200; seed++) {
            assertThat(new Sampler(1, 0.1, null, seed).choose(OPTIONS)).isEqualTo("a");
        }
    }

    private static double firstShare(double temperature) {
        int first = 0;
        for (long seed = 0; seed < 2000; seed++) {
            if (new Sampler(temperature, null, null, seed).choose(OPTIONS).equals("a")) {
                first++;
            }
        }
        return first / 2000.0;
    }
}
