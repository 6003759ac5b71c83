package dev.tunegate.engine.model.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.engine.config.CheckpointSelection;
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
 * @param tuningJob        the existing Vertex AI tuning job ({@code tuningJob:}) whose tuned model this variant calls
 * @param checkpoints      which checkpoints of its Vertex AI tuning job ({@code tuningJob:} or a {@code tune:} block
 *                         with {@code provider: vertex}) to evaluate; discovery expands the variant into one variant
 *                         per checkpoint
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
        Optional<String> tuningJob,
        Optional<CheckpointSelection> checkpoints,
        boolean replayOnly) {

    /** A variant that is called (not {@code replayOnly}). */
    public ModelVariant(
            String name,
            String model,
            Optional<String> role,
            ObjectNode generationConfig,
            Optional<TuneSpec> tune,
            SourcePosition position,
            Optional<VariantCheckpoint> checkpoint,
            Optional<String> tuningJob,
            Optional<CheckpointSelection> checkpoints) {
        this(name, model, role, generationConfig, tune, position, checkpoint, tuningJob, checkpoints, false);
    }

    /** A variant that is not a Vertex AI tuning job's, or one of its checkpoints, and is called (not replayOnly). */
    public ModelVariant(
            String name,
            String model,
            Optional<String> role,
            ObjectNode generationConfig,
            Optional<TuneSpec> tune,
            SourcePosition position,
            Optional<VariantCheckpoint> checkpoint) {
        this(
                name,
                model,
                role,
                generationConfig,
                tune,
                position,
                checkpoint,
                Optional.empty(),
                Optional.empty(),
                false);
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
                Optional.empty(),
                Optional.empty(),
                replayOnly);
    }

    /** This variant calling another model (pipelines override models without editing YAML). */
    public ModelVariant withModel(String otherModel) {
        return new ModelVariant(
                name,
                otherModel,
                role,
                generationConfig,
                tune,
                position,
                checkpoint,
                tuningJob,
                checkpoints,
                replayOnly);
    }

    /** Whether this variant's model comes from a Vertex AI tuning job ({@code tuningJob:} or a Vertex tune block). */
    public boolean vertexTuning() {
        return tuningJob.isPresent() || tune.map(TuneSpec::vertex).orElse(false);
    }

    /**
     * This variant with {@code selection} instead of its own {@code checkpoints:} ({@code tunegate.checkpoints});
     * variants without a Vertex AI tuning job, and checkpoints already expanded, are unchanged.
     */
    public ModelVariant withCheckpoints(CheckpointSelection selection) {
        if (!vertexTuning() || checkpoint.isPresent()) {
            return this;
        }
        return new ModelVariant(
                name,
                model,
                role,
                generationConfig,
                tune,
                position,
                checkpoint,
                tuningJob,
                Optional.of(selection),
                replayOnly);
    }

    /**
     * One checkpoint of this variant's tuning job as a variant of its own (as {@link #atCheckpoint}), keeping the
     * tune block and the job: the run makes the job ready and finds the checkpoint's endpoint when the checkpoint
     * was planned at discovery, before the job existed.
     *
     * @param model the model to call: the checkpoint's endpoint, or until the run finds it the job's name
     */
    public ModelVariant expandedTo(VariantCheckpoint point, String model) {
        return new ModelVariant(
                point.variantName(),
                model,
                role,
                generationConfig,
                tune,
                position,
                Optional.of(point),
                tuningJob,
                Optional.empty(),
                replayOnly);
    }

    /**
     * This variant calling {@code model} instead ({@code tunegate.model.<variant>}, for YAML suites and Java evals
     * alike). A Vertex AI model is served already: the {@code tune} block (which creates Gemini API tuned models),
     * the tuning job and its checkpoints no longer apply to it. {@code model} must be a valid model name.
     */
    public ModelVariant overriddenBy(String model) {
        if (!dev.tunegate.client.ModelName.parse(model).vertex()) {
            return withModel(model);
        }
        return new ModelVariant(
                name,
                model,
                role,
                generationConfig,
                Optional.empty(),
                position,
                checkpoint,
                Optional.empty(),
                Optional.empty(),
                replayOnly);
    }

    /** This variant answered only from recordings ({@code replayOnly: true}) or not. */
    public ModelVariant withReplayOnly(boolean frozen) {
        return new ModelVariant(
                name, model, role, generationConfig, tune, position, checkpoint, tuningJob, checkpoints, frozen);
    }
}
