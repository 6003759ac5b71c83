package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.ListOperationsResponse;
import dev.tunegate.client.model.ListTunedModelsResponse;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * The read side of the tuning service: get and list tuned models, get and list their operations, and
 * the ACTIVE model that {@code tunedModels/{id}:generateContent} answers from.
 */
final class TuningQueries {
    private final TuningRegistry registry;

    TuningQueries(TuningRegistry registry) {
        this.registry = registry;
    }

    /** {@code tunedModels.get}. */
    TunedModel get(String id) {
        synchronized (registry.lock()) {
            return registry.view(registry.existing(id));
        }
    }

    /** {@code tunedModels.list}. */
    ListTunedModelsResponse list(Integer pageSize, String pageToken, String filter) {
        List<TunedModel> all;
        synchronized (registry.lock()) {
            all = registry.models().stream().map(registry::view).toList();
        }
        return new TunedModelQuery(filter).page(all, pageSize, pageToken);
    }

    /** {@code GET tunedModels/{id}/operations/{operation}}; operations stay readable after their model is deleted. */
    Operation getOperation(String id, String operationId) {
        String name = TuningRegistry.PREFIX + id + "/operations/" + operationId;
        synchronized (registry.lock()) {
            Operation operation = registry.operation(name);
            if (operation == null) {
                throw ApiException.notFound("Operation " + name + " not found.");
            }
            TuningJob job = registry.job(id);
            if (job != null && job.operation().equals(name)) {
                return Operation.running(name, job.metadata());
            }
            return operation;
        }
    }

    /** {@code GET tunedModels/{id}/operations}: the operations of an existing model, oldest first. */
    ListOperationsResponse listOperations(String id, Integer pageSize, String pageToken) {
        List<String> names;
        synchronized (registry.lock()) {
            names = registry.existing(id).operations();
        }
        int size = TunedModelQuery.pageSize(pageSize);
        int offset = TunedModelQuery.offsetToken(pageToken, "operations:" + id);
        List<Operation> page = new ArrayList<>();
        for (int i = offset; i < Math.min(names.size(), offset + size); i++) {
            String[] parts = names.get(i).split("/");
            page.add(getOperation(id, parts[3]));
        }
        String next =
                offset + size < names.size() ? TunedModelQuery.offsetToken(offset + size, "operations:" + id) : null;
        return new ListOperationsResponse(page, next);
    }

    /**
     * The tuned model {@code tunedModels/{id}:generateContent} answers from: 404 when it does not exist,
     * 400 FAILED_PRECONDITION unless it is ACTIVE.
     */
    ServingTunedModel serving(String id) {
        TunedModel model;
        String root;
        synchronized (registry.lock()) {
            StoredTunedModel stored = registry.existing(id);
            model = stored.tunedModel();
            root = stored.rootBaseModel();
        }
        if (model.state() != TunedModel.State.ACTIVE) {
            throw ApiException.failedPrecondition("Tuned model " + model.name() + " is " + model.state()
                    + "; it can generate content only when its state is ACTIVE.");
        }
        LearnedModel learned = registry.learned(id);
        if (learned == null) {
            throw ApiException.failedPrecondition("Tuned model " + model.name() + " has no learned state.");
        }
        return new ServingTunedModel(
                model.name(), root, learned, new SamplingDefaults(model.temperature(), model.topP(), model.topK()));
    }
}
