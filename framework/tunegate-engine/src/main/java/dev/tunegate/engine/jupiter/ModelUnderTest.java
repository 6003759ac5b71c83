package dev.tunegate.engine.jupiter;

import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.matchers.ModelAnswer;
import org.apiguardian.api.API;

/**
 * One model variant, as a parameter of a {@link ModelTest} method: every call goes through TuneGate's call
 * pipeline (the embedded emulator by default, {@code tunegate.endpoint}, retries, rate limits,
 * {@code tunegate.mode} record/replay) and the last answer is the case's answer in the reports. A call that
 * fails (an HTTP error, a missing recording in replay mode) throws the pipeline's exception. With
 * {@code tunegate.streaming=true} every call goes through {@code streamGenerateContent}, as for YAML cases.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ModelUnderTest {

    /** The variant's name, e.g. {@code v2}. */
    String variant();

    /** The model the variant calls, e.g. {@code tunedModels/support-v2}. */
    String name();

    /** Sends one user turn with the class's and variant's settings (generationConfig, system instruction). */
    ModelAnswer generate(String prompt);

    /**
     * Sends {@code request} as written; without a {@code generationConfig} or {@code systemInstruction} of its
     * own, it gets the variant's.
     */
    ModelAnswer generate(GenerateContentRequest request);

    /** A new multi-turn conversation with this variant. */
    Chat chat();
}
