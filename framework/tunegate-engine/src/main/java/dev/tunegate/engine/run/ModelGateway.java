package dev.tunegate.engine.run;

import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.model.suite.VariantCheckpoint;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apiguardian.api.API;

/**
 * How the engine reaches models: generation calls and tuned-model provisioning. A gateway bounds its
 * own calls (the client enforces {@code tunegate.concurrency} and {@code tunegate.rate-limit.rpm}); the
 * engine only bounds how far ahead of the tests it issues them.
 */
@API(status = API.Status.INTERNAL)
public interface ModelGateway extends AutoCloseable {

    /** Calls {@code model}; the future fails with the client's exception on infrastructure errors. */
    CompletableFuture<ModelAnswer> generate(String model, GenerateContentRequest request);

    /**
     * Calls {@code model} for sample {@code sample} of a planned test. The default ignores the test;
     * decorators such as record/replay ({@code dev.tunegate.engine.run.replay}) use it to know which test
     * and which repeat a call belongs to.
     */
    default CompletableFuture<ModelAnswer> generate(
            PlannedTest test, int sample, String model, GenerateContentRequest request) {
        return generate(model, request);
    }

    /**
     * The embeddings of {@code texts} (one vector per text, in order) from an embedding model, for
     * {@code similar} checks. The default fails: the gateway has no embeddings.
     */
    default CompletableFuture<List<double[]>> embed(String model, List<String> texts) {
        return CompletableFuture.failedFuture(
                new UnsupportedOperationException("this model gateway cannot compute embeddings"));
    }

    /**
     * The embeddings of {@code texts} for a check of a planned test. The default ignores the test;
     * record/replay uses it to file the recordings under the test's suite.
     */
    default CompletableFuture<List<double[]>> embed(PlannedTest test, String model, List<String> texts) {
        return embed(model, texts);
    }

    /**
     * The model name to call for a variant, once it can be called: for a variant with a {@code tune}
     * block, after the tuned model exists (created and awaited if it did not). Completed once per
     * variant model per run; fails with the tuning operation's error.
     */
    CompletableFuture<String> ready(ModelVariant variant);

    /**
     * Checks, once per run before any call, that the gateway can authenticate the calls to {@code models} (the
     * variants' model names), and throws the failure every call would get otherwise (for Vertex AI without Google
     * credentials: {@code HTTP 401 UNAUTHENTICATED} saying how to log in). The default checks nothing.
     */
    default void checkAccess(Collection<String> models) {}

    /**
     * The checkpoint a checkpoint variant ({@code cand@3}) calls as found once {@link #ready} completed: the job, the
     * checkpoint's endpoint, epoch and step, which discovery may only have planned. The default is the variant's own.
     */
    default Optional<VariantCheckpoint> checkpoint(ModelVariant variant) {
        return variant.checkpoint();
    }

    @Override
    void close();
}
