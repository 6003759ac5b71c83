package dev.tunegate.engine.run.replay;

import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.config.ReplayMode;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.run.GatewayFactory;
import dev.tunegate.engine.run.ModelGateway;
import dev.tunegate.engine.run.PlannedTest;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The engine's {@link ModelGateway} with record/replay in front of it ({@code tunegate.mode}).
 *
 * <p>In {@code replay} and {@code auto} mode a variant's model is "ready" at once: a tuned model is
 * only provisioned (looked up, or tuned) when a call actually has to go to the endpoint, so a replay
 * needs neither a key nor tuning. Closing the gateway lists the recordings the run did not use.
 */
@API(status = API.Status.INTERNAL)
public final class RecordingGateway implements ModelGateway {
    private final ModelGateway delegate;
    private final CassetteCalls cassettes;
    private final boolean streaming;
    private final Consumer<String> progress;
    /** Recordings of the variants whose mode differs from the run's ({@code tunegate.mode.<variant>}). */
    private final Map<String, CassetteCalls> byVariant;

    RecordingGateway(
            ModelGateway delegate,
            CassetteCalls cassettes,
            boolean streaming,
            Consumer<String> progress,
            Map<String, CassetteCalls> byVariant) {
        this.delegate = delegate;
        this.cassettes = cassettes;
        this.streaming = streaming;
        this.progress = progress;
        this.byVariant = byVariant;
    }

    /**
     * Wraps {@code factory} so that the gateways it opens record and replay as {@code config} says
     * ({@code tunegate.mode}, {@code tunegate.cassettes}); in {@code live} mode (the default) the
     * factory's gateways are used unchanged. {@code secrets} are never written to a recording.
     */
    public static GatewayFactory decorate(GatewayFactory factory, TuneGateConfiguration config, List<String> secrets) {
        ReplayMode mode = config.mode();
        Map<String, ReplayMode> variantModes = config.comparison().variantModes();
        if (mode == ReplayMode.LIVE && variantModes.isEmpty()) {
            return factory;
        }
        return (TuneGateConfiguration opened, Consumer<String> progress) -> {
            CassetteCalls cassettes = new CassetteCalls(mode, opened.cassettes(), secrets);
            progress.accept(mode.name().toLowerCase(Locale.ROOT) + " mode, recordings in "
                    + cassettes.directory().toAbsolutePath());
            Map<String, CassetteCalls> byVariant = new HashMap<>();
            Map<ReplayMode, CassetteCalls> byMode = new HashMap<>();
            byMode.put(mode, cassettes);
            variantModes.forEach((variant, m) -> {
                byVariant.put(
                        variant, byMode.computeIfAbsent(m, k -> new CassetteCalls(k, opened.cassettes(), secrets)));
                progress.accept("variant '" + variant + "': " + m.name().toLowerCase(Locale.ROOT) + " mode"
                        + (m == ReplayMode.REPLAY ? " (frozen: answered only from recordings)" : ""));
            });
            return new RecordingGateway(
                    factory.open(opened, progress), cassettes, opened.streaming(), progress, Map.copyOf(byVariant));
        };
    }

    @Override
    public CompletableFuture<ModelAnswer> generate(String model, GenerateContentRequest request) {
        return call(null, 0, model, request);
    }

    @Override
    public CompletableFuture<ModelAnswer> generate(
            PlannedTest test, int sample, String model, GenerateContentRequest request) {
        return call(test, sample, model, request);
    }

    private CompletableFuture<ModelAnswer> call(
            PlannedTest test, int sample, String model, GenerateContentRequest request) {
        ModelCall call = new ModelCall(
                ModelCall.endpoint(model, streaming),
                request,
                sample,
                test == null ? null : test.suite().name(),
                test == null ? null : testName(test));
        CassetteCalls calls = test == null ? cassettes : cassettes(test.variant());
        return calls.call(call, () -> live(test, calls, model, request)).thenApply(RecordingGateway::answer);
    }

    /** The recordings of a variant: its own mode's ({@code tunegate.mode.<variant>}), else the run's. */
    private CassetteCalls cassettes(ModelVariant variant) {
        return byVariant.getOrDefault(variant.name(), cassettes);
    }

    private CompletableFuture<ModelResult> live(
            PlannedTest test, CassetteCalls calls, String model, GenerateContentRequest request) {
        // a judge's call made for a test goes to the judge model, not to the test's variant
        CompletableFuture<String> ready = test != null
                        && calls.mode().replays()
                        && model.equals(test.variant().model())
                ? delegate.ready(test.variant())
                : CompletableFuture.completedFuture(model);
        return ready.thenCompose(name -> delegate.generate(name, request))
                .thenApply(a -> new ModelResult(
                        List.of(a.response()), a.latency(), a.timeToFirstChunk().orElse(null), a.retries(), false));
    }

    private static ModelAnswer answer(ModelResult result) {
        return new ModelAnswer(
                result.response(), result.latency(), Optional.ofNullable(result.timeToFirstChunk()), result.retries());
    }

    @Override
    public CompletableFuture<List<double[]>> embed(String model, List<String> texts) {
        return embed(null, model, texts);
    }

    /**
     * Embeddings are recorded and replayed like generation calls, one recording per text ({@code
     * <model>.embedcontent.<hash>.json} in the suite's folder), so a replayed {@code similar} check calls nothing.
     */
    @Override
    public CompletableFuture<List<double[]>> embed(PlannedTest test, String model, List<String> texts) {
        CassetteCalls calls = test == null ? cassettes : cassettes(test.variant());
        return calls.embed(
                model,
                texts,
                test == null ? null : test.suite().name(),
                test == null ? null : testName(test),
                batch -> delegate.embed(model, batch));
    }

    private static String testName(PlannedTest test) {
        return test.suite().name() + " › " + test.evalCase().id() + " ["
                + test.variant().name() + "]";
    }

    @Override
    public java.util.Optional<dev.tunegate.engine.model.suite.VariantCheckpoint> checkpoint(ModelVariant variant) {
        return delegate.checkpoint(variant);
    }

    @Override
    public CompletableFuture<String> ready(ModelVariant variant) {
        if (cassettes(variant).mode().replays()) {
            return CompletableFuture.completedFuture(variant.model()); // provisioned only if a call goes live
        }
        return delegate.ready(variant);
    }

    /**
     * Checks access when every call goes to the endpoint ({@code record}); {@code replay} needs none, and
     * {@code auto} only for the calls without a recording, which fail one by one.
     */
    @Override
    public void checkAccess(Collection<String> models) {
        if (!cassettes.mode().replays()) {
            delegate.checkAccess(models);
        }
    }

    @Override
    public void close() {
        try {
            cassettes.finish(progress);
        } finally {
            delegate.close();
        }
    }
}
