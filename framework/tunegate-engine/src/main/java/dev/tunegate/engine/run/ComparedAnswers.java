package dev.tunegate.engine.run;

import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.matchers.graded.ModelGradedMatcher;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The answers one variant gave to a case, kept for the pairwise comparisons of other variants of the
 * same case. Only cases with a {@code pairwise} check are kept, and only until every planned comparison
 * took them and the compared variant's own test was issued. Whoever needs the answers first starts their
 * calls (a comparison may come before the compared variant's test in the plan); the other reuses them, so
 * every answer is asked for once and the comparison sees exactly the answer the compared test reports.
 */
final class ComparedAnswers {

    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<String, Integer> consumers = new HashMap<>();
    private final Set<String> owners = new HashSet<>();

    /** Counts the comparisons the plan will make, and which compared tests it will issue itself. */
    ComparedAnswers(List<PlannedTest> plan) {
        Set<String> planned = new HashSet<>();
        for (PlannedTest test : plan) {
            planned.add(key(test, test.variant().name()));
            for (var m : test.matchers()) {
                if (m instanceof ModelGradedMatcher g
                        && g.comparedVariant().isPresent()
                        && !g.comparedVariant().get().equals(test.variant().name())) {
                    consumers.merge(key(test, g.comparedVariant().get()), 1, Integer::sum);
                }
            }
        }
        for (String key : consumers.keySet()) {
            if (planned.contains(key)) {
                owners.add(key);
            }
        }
    }

    /** Whether the answers of this test are wanted by a comparison. */
    synchronized boolean wanted(PlannedTest test) {
        return consumers.containsKey(key(test, test.variant().name()));
    }

    /**
     * The sample futures of {@code variant}'s test of {@code test}'s case: the registered ones, or those
     * {@code start} creates (then registered).
     */
    synchronized List<CompletableFuture<Sample>> samples(
            PlannedTest test, String variant, Function<String, List<CompletableFuture<Sample>>> start) {
        String key = key(test, variant);
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = new Entry(start.apply(variant));
            entries.put(key, entry);
        }
        return entry.samples;
    }

    /** The compared variant's test was issued with these samples (registering them, or reusing earlier ones). */
    synchronized List<CompletableFuture<Sample>> issued(
            PlannedTest test, Function<String, List<CompletableFuture<Sample>>> start) {
        List<CompletableFuture<Sample>> samples = samples(test, test.variant().name(), start);
        String key = key(test, test.variant().name());
        owners.remove(key);
        release(key);
        return samples;
    }

    /** The answer of sample {@code index} of {@code variant} to {@code test}'s case, for one comparison. */
    CompletableFuture<Optional<ModelAnswer>> answer(
            PlannedTest test, String variant, int index, Function<String, List<CompletableFuture<Sample>>> start) {
        List<CompletableFuture<Sample>> samples;
        String key = key(test, variant);
        synchronized (this) {
            samples = samples(test, variant, start);
            consumers.computeIfPresent(key, (k, n) -> n - 1);
            release(key);
        }
        if (index >= samples.size()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return samples.get(index).thenApply(Sample::answer);
    }

    private void release(String key) {
        Integer left = consumers.get(key);
        if ((left == null || left <= 0) && !owners.contains(key)) {
            entries.remove(key);
            consumers.remove(key);
        }
    }

    private static String key(PlannedTest test, String variant) {
        return test.suite().name() + '\u0000' + test.evalCase().id() + '\u0000' + variant;
    }

    private record Entry(List<CompletableFuture<Sample>> samples) {}
}
