package dev.tunegate.engine.jupiter;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A model variant of a {@link TuneGateEval} class, as a variant under {@code models:} in a YAML suite. The
 * configuration keys apply as to YAML suites: {@code tunegate.model.<name>} replaces the model,
 * {@code tunegate.gate.candidate} / {@code tunegate.gate.baseline} the gate's roles.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Variants.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public @interface Variant {

    /** The variant's name (letters, digits, {@code _ . -}): in test names, tags {@code variant-<name>} and reports. */
    String name();

    /** The model, e.g. {@code models/gemini-1.5-flash-001} or {@code tunedModels/support-v2}. */
    String model();

    /** The variant's role; {@link VariantRole#DEFAULT}: decided as for a YAML variant without {@code role:}. */
    VariantRole role() default VariantRole.DEFAULT;

    /** This variant's {@code generationConfig} overrides as JSON, e.g. {@code {"temperature": 0.2}}. */
    String generationConfig() default "";

    /**
     * The {@code tune} block's training file (JSONL or CSV with {@code textInput}/{@code output}), a classpath
     * resource such as {@code data/support.train.jsonl}; empty: no tune block. With it, the tuned model
     * {@link #model()} is created from {@link #tuneBaseModel()} when it does not exist, then awaited.
     */
    String trainingData() default "";

    /** The model the {@code tune} block tunes, e.g. {@code models/gemini-1.5-flash-001-tuning}. */
    String tuneBaseModel() default "";

    /** The {@code tune} block's {@code hyperparameters} as JSON, e.g. {@code {"epochCount": 5}}; empty: none. */
    String hyperparameters() default "";

    /**
     * {@code true}: a frozen variant, answered only from recordings ({@code tunegate.cassettes}) and never called nor
     * tuned, as {@code replayOnly: true} in a YAML suite; {@code tunegate.mode.<name>}, when set, wins.
     */
    boolean replayOnly() default false;
}
