package dev.tunegate.engine.run.replay;

import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.config.ComparisonSettings;
import dev.tunegate.engine.config.ReplayMode;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.model.gate.Freezing;
import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.model.gate.SuiteGate;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.run.GatewayFactory;
import dev.tunegate.engine.run.ModelGateway;
import dev.tunegate.engine.run.PlannedTest;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.opentest4j.TestAbortedException;

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
    private final ComparisonSettings settings;
    private final RecordingTimes times;
    /** Recordings by mode, for variants whose own mode differs from the run's ({@link Freezing}). */
    private final Map<ReplayMode, CassetteCalls> byMode;
    /** The gate of each suite: a variant's role decides whether {@code tunegate.gate.frozen-baseline} freezes it. */
    private final Map<EvalSuite, SuiteGate> gates = new ConcurrentHashMap<>();
    /** Variants already announced as having a mode of their own. */
    private final Set<String> announced = ConcurrentHashMap.newKeySet();

    private RecordingGateway(
            ModelGateway delegate,
            CassetteCalls cassettes,
            boolean streaming,
            Consumer<String> progress,
            ComparisonSettings settings,
            RecordingTimes times,
            Map<ReplayMode, CassetteCalls> byMode) {
        this.delegate = delegate;
        this.cassettes = cassettes;
        this.streaming = streaming;
        this.progress = progress;
        this.settings = settings;
        this.times = times;
        this.byMode = byMode;
    }

    /**
     * Wraps {@code factory} so that the gateways it opens record and replay as {@code config} says
     * ({@code tunegate.mode}, {@code tunegate.cassettes}, and per variant as {@link Freezing} says:
     * {@code tunegate.mode.<variant>}, {@code replayOnly: true}, {@code tunegate.gate.frozen-baseline}).
     * {@code secrets} are never written to a recording; {@code clock} stamps new recordings; the recording
     * times of frozen variants' answers go to {@code times}.
     */
    public static GatewayFactory decorate(
            GatewayFactory factory,
            TuneGateConfiguration config,
            List<String> secrets,
            Clock clock,
            RecordingTimes times) {
        ReplayMode mode = config.mode();
        return (TuneGateConfiguration opened, Consumer<String> progress) -> {
            CassetteCalls cassettes = new CassetteCalls(mode, opened.cassettes(), secrets, clock);
            if (mode != ReplayMode.LIVE) {
                progress.accept(mode.name().toLowerCase(Locale.ROOT) + " mode, recordings in "
                        + cassettes.directory().toAbsolutePath());
            }
            Map<ReplayMode, CassetteCalls> byMode = new ConcurrentHashMap<>();
            byMode.put(mode, cassettes);
            for (ReplayMode m : ReplayMode.values()) {
                byMode.computeIfAbsent(m, cassettes::withMode);
            }
            return new RecordingGateway(
                    factory.open(opened, progress),
                    cassettes,
                    opened.streaming(),
                    progress,
                    opened.comparison(),
                    times,
                    Map.copyOf(byMode));
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
        Optional<ReplayMode> own = test == null ? Optional.empty() : ownMode(test.suite(), test.variant());
        CassetteCalls calls = own.map(byMode::get).orElse(cassettes);
        CompletableFuture<ModelResult> result = calls.call(call, () -> live(test, sample, calls, model, request));
        if (own.orElse(null) == ReplayMode.REPLAY) {
            result = frozen(test, result);
        }
        return result.thenApply(RecordingGateway::answer);
    }

    /** A frozen variant's answer: its recording time is noted; without a recording its test is aborted, saying why. */
    private CompletableFuture<ModelResult> frozen(PlannedTest test, CompletableFuture<ModelResult> result) {
        return result.handle((answer, failure) -> {
            if (failure == null) {
                if (answer.recordedAt() != null) {
                    times.note(test.suite().name(), test.variant().name(), answer.recordedAt());
                }
                return answer;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause()
                    : failure;
            if (cause instanceof TestAbortedException) {
                throw new TestAbortedException("Variant '" + test.variant().name() + "' is frozen ("
                        + Freezing.reason(test.variant(), settings)
                        + "): it is answered only from recordings and never called, and this call has none. "
                        + cause.getMessage());
            }
            throw cause instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(cause);
        });
    }

    /** The variant's own mode ({@link Freezing}), or empty when the run's applies. */
    private Optional<ReplayMode> ownMode(EvalSuite suite, ModelVariant variant) {
        if (settings.variantModes().isEmpty() && !settings.frozenBaseline() && !variant.replayOnly()) {
            return Optional.empty();
        }
        Role role = gates.computeIfAbsent(suite, s -> SuiteGate.of(s, settings))
                .roles()
                .of(variant.name());
        Optional<ReplayMode> own = Freezing.ownMode(variant, role, settings);
        if (own.isPresent() && announced.add(suite.name() + "/" + variant.name())) {
            progress.accept("suite " + suite.name() + ", variant '" + variant.name() + "': "
                    + own.get().name().toLowerCase(Locale.ROOT) + " mode"
                    + (own.get() == ReplayMode.REPLAY
                            ? " (frozen: answered only from recordings, " + Freezing.reason(variant, settings) + ")"
                            : ""));
        }
        return own;
    }

    private CompletableFuture<ModelResult> live(
            PlannedTest test, int sample, CassetteCalls calls, String model, GenerateContentRequest request) {
        // a judge's call made for a test goes to the judge model, not to the test's variant
        CompletableFuture<String> ready = test != null
                        && (calls.mode().replays() || settings.frozenBaseline())
                        && model.equals(test.variant().model())
                ? delegate.ready(test.variant())
                : CompletableFuture.completedFuture(model);
        return ready.thenCompose(name -> test == null
                        ? delegate.generate(name, request)
                        : delegate.generate(test, sample, name, request))
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
        // a frozen variant's similar checks replay their embeddings too
        CassetteCalls calls = test == null
                ? cassettes
                : ownMode(test.suite(), test.variant()).map(byMode::get).orElse(cassettes);
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
        ReplayMode own =
                settings.variantModes().getOrDefault(variant.name(), variant.replayOnly() ? ReplayMode.REPLAY : null);
        // with a frozen baseline, which variant is frozen depends on its suite: each is provisioned on its first live
        // call
        if ((own == null ? cassettes.mode() : own).replays() || settings.frozenBaseline()) {
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
