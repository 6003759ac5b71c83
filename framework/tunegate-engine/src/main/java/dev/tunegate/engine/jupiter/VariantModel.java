package dev.tunegate.engine.jupiter;

import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.run.PlannedTest;
import dev.tunegate.engine.run.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ModelUnderTest} of one {@link ModelTest} invocation: every call goes through the run's model calls as call
 * {@code n} of the planned test (its recording's sample number); the last call is the case's sample.
 */
final class VariantModel implements ModelUnderTest {

    private final ClassRun run;
    private final PlannedTest test;
    private int calls;
    private Sample last;
    private Throwable callError;

    VariantModel(ClassRun run, PlannedTest test) {
        this.run = run;
        this.test = test;
    }

    @Override
    public String variant() {
        return test.variant().name();
    }

    @Override
    public String name() {
        return test.variant().model();
    }

    @Override
    public ModelAnswer generate(String prompt) {
        return send(List.of(Content.user(prompt)));
    }

    @Override
    public ModelAnswer generate(GenerateContentRequest request) {
        GenerateContentRequest defaults =
                run.services().calls().request(run.suite(), test.variant(), request.contents());
        GenerateContentRequest.Builder b = request.toBuilder();
        if (request.generationConfig() == null) {
            b.generationConfig(defaults.generationConfig());
        }
        if (request.systemInstruction() == null) {
            b.systemInstruction(defaults.systemInstruction());
        }
        return call(b.build());
    }

    @Override
    public Chat chat() {
        return new Conversation();
    }

    private ModelAnswer send(List<Content> contents) {
        return call(run.services().calls().request(run.suite(), test.variant(), contents));
    }

    private synchronized ModelAnswer call(GenerateContentRequest request) {
        Sample sample = run.services().calls().call(test, calls++, request);
        last = sample;
        if (sample.answer().isPresent()) {
            return sample.answer().get();
        }
        Throwable error = sample.error().orElseGet(() -> new IllegalStateException("the model call failed"));
        callError = error;
        if (error instanceof RuntimeException e) {
            throw e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(error.getMessage(), error);
    }

    PlannedTest test() {
        return test;
    }

    /** The last call made (the case's sample), if any. */
    synchronized Optional<Sample> last() {
        return Optional.ofNullable(last);
    }

    /** Whether {@code failure} is the exception a model call threw (an infrastructure failure, not a verdict). */
    synchronized boolean isCallError(Throwable failure) {
        return callError != null && (failure == callError || failure.getCause() == callError);
    }

    /** A conversation: each turn is sent with every turn before it. */
    private final class Conversation implements Chat {
        private final List<Content> history = new ArrayList<>();

        @Override
        public ModelAnswer send(String text) {
            List<Content> turns = new ArrayList<>(history);
            turns.add(Content.user(text));
            ModelAnswer answer = VariantModel.this.send(turns);
            history.add(Content.user(text));
            history.add(answer.firstCandidate()
                    .map(c -> c.content())
                    .filter(c -> c != null && c.parts() != null)
                    .map(c -> new Content("model", c.parts()))
                    .orElseGet(() -> Content.model(answer.text())));
            return answer;
        }

        @Override
        public List<Content> history() {
            return List.copyOf(history);
        }
    }
}
