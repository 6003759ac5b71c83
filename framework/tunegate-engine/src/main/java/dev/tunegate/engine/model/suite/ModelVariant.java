package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A model variant of a suite: a name and the model it calls.
 *
 * @param name             variant name (part of the unique id and of the test's display name)
 * @param model            model resource name, e.g. {@code models/gemini-1.5-flash-001} or {@code tunedModels/x}
 * @param role             {@code baseline}, {@code candidate} or {@code reference} when written
 * @param generationConfig suite-wide generationConfig with this variant's overrides applied (never null)
 * @param tune             how to create the tuned model when it does not exist yet
 * @param position         where the variant is written
 * @param checkpoint       the Vertex AI tuning-job checkpoint this variant evaluates, when it was expanded from
 *                         {@code checkpoints:}
 * @param replayOnly       {@code replayOnly: true}: answered only from recordings, never called (a frozen variant;
 *                         {@code dev.tunegate.engine.model.gate.Freezing} is the one rule that decides it)
 */
@API(status = API.Status.INTERNAL)
public record ModelVariant(
        String name,
        String model,
        Optional<String> role,
        ObjectNode generationConfig,
        Optional<TuneSpec> tune,
        SourcePosition position,
        Optional<VariantCheckpoint> checkpoint,
        boolean replayOnly) {

    /** A variant that is called (not {@code replayOnly}). */
    public ModelVariant(
            String name,
            String model,
            Optional<String> role,
            ObjectNode generationConfig,
            Optional<TuneSpec> tune,
            SourcePosition position,
            Optional<VariantCheckpoint> checkpoint) {
        this(name, model, role, generationConfig, tune, position, checkpoint, false);
    }

    /** A variant as written in a suite (not a checkpoint of a tuning job). */
    public ModelVariant(
            String name,
            String model,
            Optional<String> role,
            ObjectNode generationConfig,
            Optional<TuneSpec> tune,
            SourcePosition position) {
        this(name, model, role, generationConfig, tune, position, Optional.empty());
    }

    /** This variant evaluating one checkpoint: named {@code <name>@<id>}, calling the checkpoint's endpoint. */
    public ModelVariant atCheckpoint(VariantCheckpoint point) {
        return new ModelVariant(
                point.variantName(),
                point.endpoint(),
                role,
                generationConfig,
                Optional.empty(),
                position,
                Optional.of(point),
                replayOnly);
    }

    /** This variant calling another model (pipelines override models without editing YAML). */
    public ModelVariant withModel(String otherModel) {
        return new ModelVariant(name, otherModel, role, generationConfig, tune, position, checkpoint, replayOnly);
    }

    /**
     * This variant calling {@code model} instead ({@code tunegate.model.<variant>}, for YAML suites and Java evals
     * alike). A Vertex AI model is served already: the {@code tune} block (which creates Gemini API tuned models)
     * no longer applies to it. {@code model} must be a valid model name.
     */
    public ModelVariant overriddenBy(String model) {
        if (!dev.tunegate.client.ModelName.parse(model).vertex()) {
            return withModel(model);
        }
        return new ModelVariant(
                name, model, role, generationConfig, Optional.empty(), position, checkpoint, replayOnly);
    }

    /** This variant answered only from recordings ({@code replayOnly: true}) or not. */
    public ModelVariant withReplayOnly(boolean frozen) {
        return new ModelVariant(name, model, role, generationConfig, tune, position, checkpoint, frozen);
    }
}
