package dev.tunegate.engine.run;

import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.ModelVariant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.apiguardian.api.API;

/**
 * The model calls of one run: opens the gateway (and with it the endpoint, client and embedded
 * emulator) and the {@link CallPipeline} when the run starts, hands each test its samples, and
 * closes both at the end. Nothing is opened for a run with nothing to execute.
 */
@API(status = API.Status.INTERNAL)
public final class ModelCalls implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("dev.tunegate.engine");

    private final TuneGateConfiguration config;
    private final GatewayFactory gatewayFactory;
    private ModelGateway gateway;
    private CallPipeline pipeline;
    private final RequestFactory requests = new RequestFactory();

    public ModelCalls(TuneGateConfiguration config, GatewayFactory gatewayFactory) {
        this.config = config;
        this.gatewayFactory = gatewayFactory;
    }

    /** Opens the gateway and starts issuing the calls of {@code plan}, in order. */
    public void start(List<PlannedTest> plan) {
        start(plan, null);
    }

    /**
     * Opens the gateway and starts issuing the calls of {@code plan}, in order, judging each test's
     * answers with its matchers (same index in {@code matchers}) as soon as its calls are done, off the
     * test thread; {@code null} leaves the judging to {@link #take(PlannedTest, List)}.
     */
    public void start(List<PlannedTest> plan, List<List<Matcher>> matchers) {
        Consumer<String> progress = line -> LOG.info(() -> "TuneGate: " + line);
        gateway = gatewayFactory.open(config, progress);
        Set<String> models = new LinkedHashSet<>();
        plan.forEach(test -> models.add(test.variant().model()));
        // One clear failure of the run (the engine's container) instead of the same one in every test.
        gateway.checkAccess(models);
        pipeline = new CallPipeline(plan, matchers, gateway, config.lookAhead(), config.judges());
        pipeline.start();
    }

    /** True once {@link #start} ran (and until {@link #close}). */
    public boolean started() {
        return pipeline != null;
    }

    /** The samples of a test, waiting for its calls if they are still running. */
    public VariantRun take(PlannedTest test) {
        if (pipeline == null) {
            throw new IllegalStateException("the TuneGate run was not started");
        }
        return pipeline.take(test);
    }

    /**
     * Makes one call of {@code test} on the spot, on the calling thread (a Java eval's call): through the
     * same gateway as the planned calls (tuning, record/replay, concurrency, rate limit, retries).
     *
     * @param index the call's index within the test (a recording's sample number)
     */
    public Sample call(PlannedTest test, int index, GenerateContentRequest request) {
        if (gateway == null) {
            throw new IllegalStateException("the TuneGate run was not started");
        }
        CompletableFuture<String> model = gateway.ready(test.variant());
        return model.thenCompose(name -> gateway.generate(test, index, name, request)
                        .handle((answer, error) -> answer != null
                                ? new Sample(index, name, request, Optional.of(answer), Optional.empty())
                                : new Sample(index, name, request, Optional.empty(), Optional.of(unwrap(error)))))
                .exceptionally(error -> new Sample(
                        index, test.variant().model(), request, Optional.empty(), Optional.of(unwrap(error))))
                .join();
    }

    /**
     * {@code suite} with the checkpoints its checkpoint variants call as found by the run (the job, endpoint, epoch and
     * step that discovery could only plan for a job it creates), waiting for their jobs; a variant whose job cannot be
     * made ready keeps its planned checkpoint (its tests fail with the reason).
     */
    public EvalSuite resolved(EvalSuite suite) {
        if (gateway == null
                || suite.variants().values().stream()
                        .noneMatch(v -> v.checkpoint().isPresent() && v.vertexTuning())) {
            return suite;
        }
        java.util.Map<String, ModelVariant> variants = new java.util.LinkedHashMap<>();
        for (ModelVariant v : suite.variants().values()) {
            ModelVariant resolved = v;
            if (v.checkpoint().isPresent() && v.vertexTuning()) {
                try {
                    String model = gateway.ready(v).join();
                    resolved = gateway.checkpoint(v)
                            .map(point -> v.expandedTo(point, model))
                            .orElse(v);
                } catch (RuntimeException e) {
                    // the variant's tests fail with the reason
                }
            }
            variants.put(v.name(), resolved);
        }
        return suite.withVariants(variants);
    }

    /** The request that {@code variant} of {@code suite} sends for {@code contents}, as for a YAML case. */
    public GenerateContentRequest request(EvalSuite suite, ModelVariant variant, List<Content> contents) {
        return requests.build(suite, variant, contents);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The judged samples of a test, waiting for them if needed (judged here with {@code matchers} if not yet). */
    public Judgement take(PlannedTest test, List<Matcher> matchers) {
        if (pipeline == null) {
            throw new IllegalStateException("the TuneGate run was not started");
        }
        return pipeline.take(test, matchers);
    }

    /** Stops the pipeline and closes the gateway (and the embedded emulator). */
    @Override
    public void close() {
        try {
            if (pipeline != null) {
                pipeline.close();
            }
        } finally {
            if (gateway != null) {
                gateway.close();
            }
            pipeline = null;
            gateway = null;
        }
    }
}
