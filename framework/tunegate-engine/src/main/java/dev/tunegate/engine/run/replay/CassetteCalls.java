package dev.tunegate.engine.run.replay;

import dev.tunegate.engine.config.ReplayMode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

/**
 * Record/replay of model calls, the seam between the engine and the model endpoint.
 *
 * <p>The engine hands every call to {@link #call(ModelCall, Supplier)} together with the live call;
 * depending on {@link Mode} the result comes from the endpoint, from a recording, or from the endpoint
 * and is then recorded. In {@code replay} mode a call without a recording completes exceptionally with
 * a {@link TestAbortedException} saying how to record it. At the end of a run {@link #finish(Consumer)}
 * lists the recordings the run did not use.
 */
@API(status = API.Status.INTERNAL)
public final class CassetteCalls {
    /** Default recordings directory ({@code tunegate.cassettes}), relative to the working directory. */
    public static final String DEFAULT_CASSETTES = "src/test/resources/cassettes";
    /** File in the recordings directory listing, one relative path a line, the recordings the last run did not use. */
    public static final String UNUSED_LIST_FILE = ".unused-recordings";

    private final ReplayMode mode;
    private final CassetteStore store;
    private final Map<String, Flight> inFlight = new ConcurrentHashMap<>();

    /**
     * @param secrets values that must never be written to a recording (the API key); they are redacted
     */
    public CassetteCalls(ReplayMode mode, Path dir, List<String> secrets) {
        this(mode, dir, secrets, Clock.systemUTC());
    }

    /**
     * @param secrets values that must never be written to a recording (the API key); they are redacted
     * @param clock   stamps each new recording's {@code recordedAt}
     */
    public CassetteCalls(ReplayMode mode, Path dir, List<String> secrets, Clock clock) {
        this(mode, new CassetteStore(dir, new Redaction(secrets), clock));
    }

    private CassetteCalls(ReplayMode mode, CassetteStore store) {
        this.mode = mode;
        this.store = store;
    }

    /**
     * The same recordings in another mode (a variant's own, {@code tunegate.mode.<variant>}): they share which
     * recordings the run used, so a frozen variant's recordings are never listed as unused (and pruned).
     */
    public CassetteCalls withMode(ReplayMode other) {
        return other == mode ? this : new CassetteCalls(other, store);
    }

    public ReplayMode mode() {
        return mode;
    }

    public Path directory() {
        return store.dir();
    }

    /** Answers the call from its recording or from {@code live}, as the mode says. */
    public CompletableFuture<ModelResult> call(ModelCall call, Supplier<CompletableFuture<ModelResult>> live) {
        if (mode == ReplayMode.LIVE) {
            return live.get();
        }
        String key = CassetteStore.key(call);
        return exchange(
                key,
                new Recording<ModelResult>(
                        () -> store.file(call, key),
                        () -> store.load(call, key),
                        result -> store.save(call, key, result),
                        () -> missing(call.test(), call.endpoint() + ", repeat " + call.repeat())),
                live);
    }

    /**
     * The embeddings of {@code texts} with {@code model} (one vector per text, in order), each from its own
     * recording or, as the mode says, from one {@code live} call for the texts without one, then recorded text
     * by text ({@link EmbeddingCall}).
     */
    public CompletableFuture<List<double[]>> embed(
            String model,
            List<String> texts,
            String suite,
            String test,
            Function<List<String>, CompletableFuture<List<double[]>>> live) {
        if (mode == ReplayMode.LIVE) {
            return live.apply(texts);
        }
        List<String> batch = new ArrayList<>();
        List<CompletableFuture<double[]>> pending = new ArrayList<>();
        List<CompletableFuture<double[]>> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            EmbeddingCall call = EmbeddingCall.of(model, text, suite, test);
            String key = CassetteStore.key(call);
            vectors.add(exchange(
                    key,
                    new Recording<double[]>(
                            () -> store.file(call, key),
                            () -> store.load(call, key),
                            vector -> store.save(call, key, vector),
                            () -> missing(test, call.endpoint() + " of \"" + shortened(text) + "\"")),
                    () -> {
                        CompletableFuture<double[]> vector = new CompletableFuture<>();
                        batch.add(text);
                        pending.add(vector);
                        return vector;
                    }));
        }
        if (!batch.isEmpty()) {
            CompletableFuture<List<double[]>> called;
            try {
                called = live.apply(List.copyOf(batch));
            } catch (RuntimeException e) {
                called = CompletableFuture.failedFuture(e);
            }
            called.whenComplete((result, error) -> {
                for (int i = 0; i < pending.size(); i++) {
                    if (error != null || result == null || result.size() != pending.size()) {
                        pending.get(i)
                                .completeExceptionally(
                                        error != null
                                                ? error
                                                : new IllegalStateException("wrong number of embeddings"));
                    } else {
                        pending.get(i).complete(result.get(i));
                    }
                }
            });
        }
        return CompletableFuture.allOf(vectors.toArray(CompletableFuture[]::new))
                .thenApply(
                        ignored -> vectors.stream().map(CompletableFuture::join).toList());
    }

    /**
     * One recorded interaction as {@link #exchange} reads and writes it: its file, reading and writing it (the store's
     * overload for its kind of call), and the message when it is missing; each computed only when asked.
     */
    private record Recording<T>(
            Supplier<Path> file, Supplier<Optional<T>> load, Consumer<T> save, Supplier<String> missing) {}

    /** The result of a recorded interaction: from its recording or from {@code live} (then recorded), as the mode says. */
    private <T> CompletableFuture<T> exchange(String key, Recording<T> recording, Supplier<CompletableFuture<T>> live) {
        if (mode.replays()) {
            Optional<T> recorded;
            try {
                recorded = recording.load().get();
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
            if (recorded.isPresent()) {
                return CompletableFuture.completedFuture(recorded.get());
            }
            if (mode == ReplayMode.REPLAY) {
                return CompletableFuture.failedFuture(
                        new TestAbortedException(recording.missing().get()));
            }
        }
        CompletableFuture<T> pending = new CompletableFuture<>();
        Flight flight = new Flight(pending, ConcurrentHashMap.newKeySet());
        flight.files().add(recording.file().get());
        Flight same = inFlight.putIfAbsent(key, flight);
        if (same != null) {
            // an identical call is already on its way: do not repeat it, but record its answer for this
            // caller's suite too (unless it goes to the same file), so that every suite replays on its own
            @SuppressWarnings("unchecked")
            CompletableFuture<T> result = (CompletableFuture<T>) same.result();
            if (!same.files().add(recording.file().get())) {
                return result;
            }
            return result.thenApply(r -> {
                recording.save().accept(r);
                return r;
            });
        }
        CompletableFuture<T> started;
        try {
            started = live.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.thenApply(result -> {
                    recording.save().accept(result);
                    return result;
                })
                .whenComplete((result, failure) -> {
                    inFlight.remove(key, flight);
                    if (failure != null) {
                        pending.completeExceptionally(failure);
                    } else {
                        pending.complete(result);
                    }
                });
        return pending;
    }

    /** A live call in flight and the recording files it is saved to, one per suite that asked for it. */
    private record Flight(CompletableFuture<?> result, Set<Path> files) {}

    private static String shortened(String text) {
        String one = text.replaceAll("\\s+", " ").strip();
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }

    /**
     * Ends the run: deletes the temporary files an interrupted run left in the folders of the suites this
     * run called, lists the recordings of the suites this run called that it did not use, writes that
     * list to {@code <dir>/.unused-recordings} for {@code tunegate cassettes prune}, and returns it.
     */
    public List<Path> finish(Consumer<String> log) {
        if (mode == ReplayMode.LIVE) {
            return List.of();
        }
        int leftovers = store.removeLeftovers();
        if (leftovers > 0) {
            log.accept("Removed " + leftovers + " temporary file(s) in " + store.dir()
                    + " left by an interrupted run (no recording was lost: a recording is complete or absent).");
        }
        List<Path> unused = store.unused();
        store.writeUnusedList(unused);
        if (!unused.isEmpty()) {
            StringBuilder message = new StringBuilder(
                    unused.size() + " recording(s) in " + store.dir() + " were not used by this run:");
            unused.forEach(
                    f -> message.append(System.lineSeparator()).append("  ").append(f));
            message.append(System.lineSeparator())
                    .append("Remove them with: tunegate cassettes prune ")
                    .append(store.dir());
            log.accept(message.toString());
        }
        return unused;
    }

    private String missing(String test, String what) {
        return "No recording for " + (test == null ? what : test + " (" + what + ")") + " in " + store.dir()
                + " with tunegate.mode=replay. Record it with -Dtunegate.mode=record (re-records everything) or"
                + " -Dtunegate.mode=auto (records only what is missing), e.g. `mvn test -Dtunegate.mode=auto`"
                + " or `tunegate run --mode auto <suites>`; against the real API also set GEMINI_API_KEY and"
                + " -Dtunegate.endpoint=https://generativelanguage.googleapis.com.";
    }
}
