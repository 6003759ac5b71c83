package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TunedModelSource;
import dev.tunegate.client.model.TuningTask;
import dev.tunegate.emulator.http.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * {@code tunedModels.create}: validates the request, stores the new model (CREATING) and its
 * long-running operation, and starts the tuning run.
 */
final class TuningCreation {
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final TuningSettings settings;
    private final TuningRegistry registry;
    private final TuningRunner runner;
    private final CreateValidator validator;
    private final Clock clock;
    private final Random random = new Random();

    TuningCreation(TuningSettings settings, TuningRegistry registry, TuningRunner runner, Clock clock) {
        this.settings = settings;
        this.registry = registry;
        this.runner = runner;
        this.clock = clock;
        this.validator = new CreateValidator(settings.modelExists(), settings.tunableModels());
    }

    /**
     * Creates the model and answers its running operation at once.
     *
     * @param body          the TunedModel request body
     * @param tunedModelId  the {@code tunedModelId} query parameter, or null
     * @param injectFailure whether the caller asked for the run to fail (fault header)
     */
    Operation create(TunedModel body, String tunedModelId, boolean injectFailure) {
        synchronized (registry.lock()) {
            CreateRequest request = validator.validate(body, tunedModelId, registry.sources());
            String id = newId(request.requestedId(), body.displayName());
            String name = TuningRegistry.PREFIX + id;
            String operationName = name + "/operations/" + randomId(12);
            int totalSteps = request.plan().totalSteps();
            Operation operation = Operation.running(operationName, TuningJob.metadata(name, totalSteps, 0, List.of()));
            registry.save(
                    new StoredTunedModel(model(name, body, request), request.rootBaseModel(), List.of(operationName)));
            registry.save(operation);

            LearnedModel learner =
                    request.sourceState() == null ? LearnedModel.untrained() : LearnedModel.from(request.sourceState());
            learner.admit(request.examples());
            int failAt = injectFailure || mentionsFault(request) ? Math.max(1, (totalSteps + 1) / 2) : 0;
            runner.start(
                    id,
                    new TuningJob(
                            name,
                            operationName,
                            learner,
                            new Trainer(learner, request.examples(), request.plan(), id.hashCode()),
                            totalSteps,
                            failAt,
                            clock));
            return operation;
        }
    }

    /** The requested id (409 when taken), or a new one made from the display name. */
    private String newId(String requested, String displayName) {
        String id = requested;
        if (id != null && registry.find(id) != null) {
            throw ApiException.alreadyExists("Tuned model " + TuningRegistry.PREFIX + id + " already exists.");
        }
        while (id == null || registry.find(id) != null) {
            id = TunedModelIds.generate(displayName, random);
        }
        return id;
    }

    /** The new model resource: CREATING, with the echoed hyperparameters and the base model's sampling defaults. */
    private TunedModel model(String name, TunedModel body, CreateRequest request) {
        Instant now = clock.instant();
        SamplingDefaults defaults = settings.baseDefaults().apply(request.rootBaseModel());
        return TunedModel.builder()
                .name(name)
                .displayName(body.displayName())
                .description(body.description())
                .state(TunedModel.State.CREATING)
                .createTime(now)
                .updateTime(now)
                .tuningTask(new TuningTask(null, null, null, null, request.echoedHyperparameters()))
                .readerProjectNumbers(body.readerProjectNumbers())
                .baseModel(request.sourceTunedModel() == null ? request.rootBaseModel() : null)
                .tunedModelSource(
                        request.sourceTunedModel() == null
                                ? null
                                : new TunedModelSource(request.sourceTunedModel(), request.rootBaseModel()))
                .temperature(body.temperature() != null ? body.temperature() : defaults.temperature())
                .topP(body.topP() != null ? body.topP() : defaults.topP())
                .topK(body.topK() != null ? body.topK() : defaults.topK())
                .build();
    }

    private static boolean mentionsFault(CreateRequest request) {
        TunedModel body = request.body();
        if (contains(body.displayName()) || contains(body.description())) {
            return true;
        }
        return request.examples().stream().anyMatch(e -> contains(e.input()) || contains(e.output()));
    }

    private static boolean contains(String text) {
        return text != null && text.contains(TuningJob.FAULT_MARKER);
    }

    private String randomId(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return sb.toString();
    }
}
