package dev.tunegate.emulator.tuning;

import dev.tunegate.client.model.Dataset;
import dev.tunegate.client.model.Hyperparameters;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TuningExample;
import dev.tunegate.client.model.TuningTask;
import dev.tunegate.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks a {@code tunedModels.create} request against the documented rules and turns it into a
 * {@link CreateRequest}; every violation is a {@code 400} naming the field (JSON path).
 */
final class CreateValidator {

    /** What the validator needs to know about the tuned models that exist. */
    interface Sources {
        /** The stored model with this full name ({@code tunedModels/x}), or null. */
        TunedModel find(String name);

        /** The learned state of an ACTIVE model, or null. */
        LearnedState learned(String name);

        /** The base model at the root of the model's tuning chain. */
        String rootBaseModel(String name);
    }

    private final Predicate<String> modelExists;
    private final Set<String> tunableModels;

    CreateValidator(Predicate<String> modelExists, Set<String> tunableModels) {
        this.modelExists = modelExists;
        this.tunableModels = Set.copyOf(tunableModels);
    }

    CreateRequest validate(TunedModel body, String tunedModelId, Sources sources) {
        if (body == null) {
            throw ApiException.invalidArgument("tunedModel", "The request body must be a TunedModel object.");
        }
        String requestedId = tunedModelId == null || tunedModelId.isEmpty() ? null : tunedModelId;
        if (requestedId != null && !TunedModelIds.isValid(requestedId)) {
            throw ApiException.invalidArgument(
                    "tunedModelId",
                    "tunedModelId '" + requestedId
                            + "' is invalid: it must be at most 40 characters, start with a lower-case letter, end with a"
                            + " letter or digit and match [a-z]([a-z0-9-]{0,38}[a-z0-9])?");
        }
        checkMutableFields(body);
        TuningTask task = body.tuningTask();
        if (task == null) {
            throw ApiException.invalidArgument("tuningTask", "tuningTask is required.");
        }
        List<TrainingExample> examples = examples(task.trainingData());
        TuningPlan plan = plan(task.hyperparameters(), examples.size());
        String root;
        String sourceName = null;
        LearnedState sourceState = null;
        if (body.baseModel() != null) {
            root = checkBaseModel(body.baseModel());
        } else if (body.tunedModelSource() != null) {
            sourceName = body.tunedModelSource().tunedModel();
            if (sourceName == null || sourceName.isEmpty()) {
                throw ApiException.invalidArgument(
                        "tunedModelSource.tunedModel",
                        "tunedModelSource.tunedModel is required: the name of an ACTIVE tuned model, e.g."
                                + " tunedModels/my-model.");
            }
            TunedModel source = sourceName.startsWith("tunedModels/") ? sources.find(sourceName) : null;
            if (source == null) {
                throw ApiException.invalidArgument(
                        "tunedModelSource.tunedModel",
                        "tunedModelSource.tunedModel '" + sourceName + "' does not name an existing tuned model.");
            }
            if (source.state() != TunedModel.State.ACTIVE) {
                throw ApiException.invalidArgument(
                        "tunedModelSource.tunedModel",
                        "tunedModelSource.tunedModel '" + sourceName + "' is " + source.state()
                                + "; only an ACTIVE tuned model can be a source.");
            }
            sourceState = sources.learned(sourceName);
            root = sources.rootBaseModel(sourceName);
        } else {
            throw ApiException.invalidArgument(
                    "baseModel", "One of baseModel or tunedModelSource is required (union source_model).");
        }
        return new CreateRequest(body, requestedId, examples, plan, root, sourceName, sourceState);
    }

    /** Checks the fields both create and patch may set. */
    static void checkMutableFields(TunedModel body) {
        if (body.displayName() != null
                && body.displayName().codePointCount(0, body.displayName().length()) > TuningLimits.MAX_DISPLAY_NAME) {
            throw ApiException.invalidArgument(
                    "displayName",
                    "displayName must be at most "
                            + TuningLimits.MAX_DISPLAY_NAME + " characters (spaces included), got "
                            + body.displayName().length() + ".");
        }
        if (body.description() != null && body.description().length() > TuningLimits.MAX_DESCRIPTION) {
            throw ApiException.invalidArgument(
                    "description", "description must be at most " + TuningLimits.MAX_DESCRIPTION + " characters.");
        }
        if (body.temperature() != null && !(body.temperature() >= 0 && body.temperature() <= 1)) {
            throw ApiException.invalidArgument(
                    "temperature", "temperature must be in [0.0, 1.0], got " + body.temperature() + ".");
        }
        if (body.topP() != null && !(body.topP() >= 0 && body.topP() <= 1)) {
            throw ApiException.invalidArgument("topP", "topP must be in [0.0, 1.0], got " + body.topP() + ".");
        }
        if (body.topK() != null && body.topK() < 1) {
            throw ApiException.invalidArgument("topK", "topK must be a positive integer, got " + body.topK() + ".");
        }
        if (body.readerProjectNumbers() != null) {
            for (int i = 0; i < body.readerProjectNumbers().size(); i++) {
                String number = body.readerProjectNumbers().get(i);
                try {
                    Long.parseLong(number == null ? "" : number.trim());
                } catch (NumberFormatException e) {
                    throw ApiException.invalidArgument(
                            "readerProjectNumbers[" + i + "]",
                            "readerProjectNumbers[" + i + "] must be an int64 project number, got '" + number + "'.");
                }
            }
        }
    }

    private String checkBaseModel(String baseModel) {
        if (!baseModel.startsWith("models/") || !modelExists.test(baseModel)) {
            throw ApiException.invalidArgument(
                    "baseModel",
                    "baseModel '" + baseModel + "' is not a model this server serves; tunable models: " + tunableModels
                            + ".");
        }
        if (!tunableModels.contains(baseModel)) {
            throw ApiException.invalidArgument(
                    "baseModel",
                    "baseModel '" + baseModel + "' does not support tuning; tunable models: " + tunableModels + ".");
        }
        return baseModel;
    }

    private static List<TrainingExample> examples(Dataset data) {
        String field = "tuningTask.trainingData.examples.examples";
        if (data == null) {
            throw ApiException.invalidArgument("tuningTask.trainingData", "tuningTask.trainingData is required.");
        }
        if (data.examples() == null
                || data.examples().examples() == null
                || data.examples().examples().isEmpty()) {
            throw ApiException.invalidArgument(field, field + " must hold at least one example.");
        }
        List<TuningExample> given = data.examples().examples();
        if (given.size() > TuningLimits.MAX_EXAMPLES) {
            throw ApiException.invalidArgument(
                    field,
                    field + " holds " + given.size() + " examples; the emulator accepts at most "
                            + TuningLimits.MAX_EXAMPLES + ".");
        }
        List<TrainingExample> examples = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            TuningExample example = given.get(i);
            String at = field + "[" + i + "]";
            if (example == null) {
                throw ApiException.invalidArgument(at, at + " is null.");
            }
            if (example.textInput() == null) {
                throw ApiException.invalidArgument(
                        at + ".textInput",
                        at + ".textInput is missing: every example"
                                + " must have an input, and all examples in a set must be of the same input type (textInput).");
            }
            if (example.textInput().length() > TuningLimits.MAX_INPUT_CHARS) {
                throw ApiException.invalidArgument(
                        at + ".textInput",
                        at + ".textInput is longer than " + TuningLimits.MAX_INPUT_CHARS + " characters.");
            }
            if (example.output() == null || example.output().isEmpty()) {
                throw ApiException.invalidArgument(at + ".output", at + ".output is required.");
            }
            if (example.output().length() > TuningLimits.MAX_OUTPUT_CHARS) {
                throw ApiException.invalidArgument(
                        at + ".output",
                        at + ".output is longer than " + TuningLimits.MAX_OUTPUT_CHARS + " characters.");
            }
            examples.add(new TrainingExample(example.textInput(), example.output()));
        }
        return examples;
    }

    private static TuningPlan plan(Hyperparameters h, int examples) {
        String field = "tuningTask.hyperparameters.";
        if (h != null) {
            if (h.epochCount() != null
                    && (h.epochCount() < TuningLimits.MIN_EPOCHS || h.epochCount() > TuningLimits.MAX_EPOCHS)) {
                throw ApiException.invalidArgument(
                        field + "epochCount",
                        field + "epochCount must be in [" + TuningLimits.MIN_EPOCHS + ", " + TuningLimits.MAX_EPOCHS
                                + "], got " + h.epochCount() + ".");
            }
            if (h.batchSize() != null
                    && (h.batchSize() < TuningLimits.MIN_BATCH || h.batchSize() > TuningLimits.MAX_BATCH)) {
                throw ApiException.invalidArgument(
                        field + "batchSize",
                        field + "batchSize must be in [" + TuningLimits.MIN_BATCH + ", " + TuningLimits.MAX_BATCH
                                + "], got " + h.batchSize() + ".");
            }
            if (h.learningRate() != null
                    && !(h.learningRate() > 0 && h.learningRate() <= TuningLimits.MAX_LEARNING_RATE)) {
                throw ApiException.invalidArgument(
                        field + "learningRate",
                        field + "learningRate must be in (0, " + TuningLimits.MAX_LEARNING_RATE + "], got "
                                + h.learningRate() + ".");
            }
            if (h.learningRateMultiplier() != null
                    && !(h.learningRateMultiplier() > 0
                            && h.learningRateMultiplier() <= TuningLimits.MAX_LEARNING_RATE_MULTIPLIER)) {
                throw ApiException.invalidArgument(
                        field + "learningRateMultiplier",
                        field
                                + "learningRateMultiplier must be in (0, " + TuningLimits.MAX_LEARNING_RATE_MULTIPLIER
                                + "], got " + h.learningRateMultiplier() + ".");
            }
        }
        TuningPlan plan = h == null
                ? TuningPlan.resolve(examples, null, null, null, null)
                : TuningPlan.resolve(
                        examples, h.epochCount(), h.batchSize(), h.learningRate(), h.learningRateMultiplier());
        if (plan.totalSteps() > TuningLimits.MAX_TOTAL_STEPS) {
            throw ApiException.invalidArgument(
                    "tuningTask.hyperparameters",
                    "this run would take "
                            + plan.totalSteps()
                            + " steps (ceil(examples / batchSize) x epochCount); the emulator allows at most "
                            + TuningLimits.MAX_TOTAL_STEPS + ".");
        }
        return plan;
    }
}
