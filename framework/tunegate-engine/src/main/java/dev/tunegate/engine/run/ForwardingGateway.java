package dev.tunegate.engine.run;

import dev.tunegate.engine.model.suite.ModelVariant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A gateway that changes how calls are made (a budget, batching) and forwards everything else to the
 * gateway it wraps, so that no wrapper silently drops embeddings, the access check, provisioning or
 * closing.
 */
abstract class ForwardingGateway implements ModelGateway {
    /** The wrapped gateway. */
    protected final ModelGateway delegate;

    ForwardingGateway(ModelGateway delegate) {
        this.delegate = delegate;
    }

    @Override
    public CompletableFuture<List<double[]>> embed(String model, List<String> texts) {
        return delegate.embed(model, texts);
    }

    @Override
    public CompletableFuture<List<double[]>> embed(PlannedTest test, String model, List<String> texts) {
        return delegate.embed(test, model, texts);
    }

    @Override
    public void checkAccess(Collection<String> models) {
        delegate.checkAccess(models);
    }

    @Override
    public CompletableFuture<String> ready(ModelVariant variant) {
        return delegate.ready(variant);
    }

    @Override
    public java.util.Optional<dev.tunegate.engine.model.suite.VariantCheckpoint> checkpoint(ModelVariant variant) {
        return delegate.checkpoint(variant);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
