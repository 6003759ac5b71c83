package dev.tunegate.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.Part;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.run.GatewayFactory;
import dev.tunegate.engine.run.ModelGateway;
import dev.tunegate.engine.run.PlannedTest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Models for engine tests: {@code models/echo} repeats the last user text, {@code models/upper}
 * repeats it in upper case, {@code models/down} fails with HTTP 503. Answers after {@code delayMillis}.
 */
final class FakeGateway implements ModelGateway {

    private static final ObjectMapper MAPPER = GeminiJson.newMapper();

    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final List<String> prompts = new CopyOnWriteArrayList<>();
    final List<GenerateContentRequest> requests = new CopyOnWriteArrayList<>();
    /** The {@code mode:} of the suite of every call made for a test (batch: true, online: false, empty: not written). */
    final List<Optional<Boolean>> suiteModes = new CopyOnWriteArrayList<>();
    /** The distinct model names called, in order of first call. */
    final Set<String> models = new CopyOnWriteArraySet<>();

    private final long delayMillis;
    private final boolean record;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fake-model");
        t.setDaemon(true);
        return t;
    });
    volatile boolean closed;

    FakeGateway(long delayMillis) {
        this(delayMillis, true);
    }

    /** @param record whether to keep every request (tests) or not (benchmarks: memory must stay flat) */
    FakeGateway(long delayMillis, boolean record) {
        this.delayMillis = delayMillis;
        this.record = record;
    }

    GatewayFactory factory() {
        return (config, progress) -> this;
    }

    @Override
    public CompletableFuture<ModelAnswer> generate(
            PlannedTest test, int sample, String model, GenerateContentRequest request) {
        if (record) {
            suiteModes.add(test.suite().batch());
        }
        return generate(model, request);
    }

    @Override
    public CompletableFuture<ModelAnswer> generate(String model, GenerateContentRequest request) {
        calls.incrementAndGet();
        if (record) {
            requests.add(request);
            models.add(model);
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        Content last = request.contents().get(request.contents().size() - 1);
        String text =
                last.parts().stream().map(Part::text).filter(Objects::nonNull).collect(Collectors.joining());
        if (record) {
            prompts.add(text);
        }
        CompletableFuture<ModelAnswer> result = new CompletableFuture<>();
        Runnable answer = () -> {
            inFlight.decrementAndGet();
            if (model.equals("models/down")) {
                result.completeExceptionally(new IllegalStateException("HTTP 503 UNAVAILABLE: the fake model is down"));
                return;
            }
            String out = model.equals("models/upper") ? text.toUpperCase() : text;
            result.complete(
                    new ModelAnswer(response(out), Duration.ofMillis(delayMillis), java.util.Optional.empty(), 0));
        };
        if (delayMillis == 0) {
            answer.run();
        } else {
            timer.schedule(answer, delayMillis, TimeUnit.MILLISECONDS);
        }
        return result;
    }

    static GenerateContentResponse response(String text) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode candidate = body.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.put("role", "model");
        content.putArray("parts").addObject().put("text", text);
        candidate.put("finishReason", "STOP");
        body.putObject("usageMetadata")
                .put("promptTokenCount", 3)
                .put("candidatesTokenCount", 2)
                .put("totalTokenCount", 5);
        return MAPPER.convertValue(body, GenerateContentResponse.class);
    }

    @Override
    public CompletableFuture<String> ready(ModelVariant variant) {
        if (variant.tune().isPresent() && variant.model().contains("broken")) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "tuning " + variant.model() + " failed: operation ended with INVALID_ARGUMENT (400): bad data"));
        }
        return CompletableFuture.completedFuture(variant.model());
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
