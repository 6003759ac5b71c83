package dev.tunegate.engine.run;

import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.UsageMetadata;
import dev.tunegate.engine.config.Budget;
import dev.tunegate.engine.config.PriceTable;
import dev.tunegate.engine.config.TuneGateConfiguration;
import dev.tunegate.engine.matchers.ModelAnswer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.apiguardian.api.API;

/**
 * Keeps a run's model calls within {@code tunegate.budget}: a call is made only while what was spent,
 * plus the calls in flight and the call itself (each estimated as the largest call so far), stays
 * within the budget; otherwise it fails with a {@link BudgetExceededException} and no request is
 * sent. Until the first call has finished (and the estimate is known), the other calls wait for it.
 *
 * <p>Embedding calls ({@code similar} checks) count too. The embeddings APIs report no token usage to
 * the engine, so an embedding call's tokens are estimated as one token per {@value #CHARS_PER_TOKEN}
 * characters of each text (at least one per text), priced as input tokens of the embedding model.
 */
@API(status = API.Status.INTERNAL)
public final class BudgetGateway extends ForwardingGateway {
    /** Characters per estimated token of an embedded text (Gemini's documented rule of thumb). */
    static final int CHARS_PER_TOKEN = 4;

    private final Budget budget;
    private final PriceTable prices;
    private final CompletableFuture<Void> calibrated = new CompletableFuture<>();
    private boolean first = true;
    private double spent;
    private double reserved;
    private double largest;

    BudgetGateway(ModelGateway delegate, Budget budget, PriceTable prices) {
        super(delegate);
        this.budget = budget;
        this.prices = prices;
    }

    /** {@code factory} with the budget of {@code config} in front of its gateways; unchanged without one. */
    public static GatewayFactory decorate(GatewayFactory factory, TuneGateConfiguration config) {
        if (config.budget().isEmpty()) {
            return factory;
        }
        return (opened, progress) -> {
            progress.accept("budget " + config.budget().get().describe() + " for model calls");
            return new BudgetGateway(
                    factory.open(opened, progress),
                    config.budget().get(),
                    config.comparison().prices());
        };
    }

    @Override
    public CompletableFuture<ModelAnswer> generate(String model, GenerateContentRequest request) {
        return admit(model, () -> delegate.generate(model, request), a -> cost(model, a.usage()));
    }

    @Override
    public CompletableFuture<ModelAnswer> generate(
            PlannedTest test, int sample, String model, GenerateContentRequest request) {
        return admit(model, () -> delegate.generate(test, sample, model, request), a -> cost(model, a.usage()));
    }

    @Override
    public CompletableFuture<List<double[]>> embed(String model, List<String> texts) {
        return admit(model, () -> delegate.embed(model, texts), v -> embeddingCost(model, texts));
    }

    @Override
    public CompletableFuture<List<double[]>> embed(PlannedTest test, String model, List<String> texts) {
        return admit(model, () -> delegate.embed(test, model, texts), v -> embeddingCost(model, texts));
    }

    private <T> CompletableFuture<T> admit(
            String model, Supplier<CompletableFuture<T>> call, ToDoubleFunction<T> cost) {
        if (budget.unit() == Budget.Unit.USD && prices.of(model).isEmpty()) {
            return CompletableFuture.failedFuture(new BudgetExceededException("tunegate.budget="
                    + budget.describe() + " is in US dollars, but the price table has no price for " + model
                    + ": add one with tunegate.prices"));
        }
        boolean firstCall;
        synchronized (this) {
            firstCall = first;
            first = false;
        }
        if (firstCall) {
            return start(call, cost).whenComplete((a, e) -> calibrated.complete(null));
        }
        return calibrated.thenCompose(ignored -> start(call, cost));
    }

    private <T> CompletableFuture<T> start(Supplier<CompletableFuture<T>> call, ToDoubleFunction<T> cost) {
        double estimate;
        synchronized (this) {
            estimate = largest;
            if (spent + reserved + estimate > budget.limit()) {
                return CompletableFuture.failedFuture(new BudgetExceededException(String.format(
                        Locale.ROOT,
                        "tunegate.budget=%s reached: %s spent, %s in flight, the next call would need about %s;"
                                + " no new model calls, so the run is incomplete",
                        budget.describe(),
                        amount(spent),
                        amount(reserved),
                        amount(estimate))));
            }
            reserved += estimate;
        }
        CompletableFuture<T> answer;
        try {
            answer = call.get();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.whenComplete((a, e) -> {
            double spentNow = a == null ? 0 : cost.applyAsDouble(a);
            synchronized (this) {
                reserved -= estimate;
                spent += spentNow;
                largest = Math.max(largest, spentNow);
            }
        });
    }

    /** The estimated cost of embedding {@code texts}: see the class comment. */
    private double embeddingCost(String model, List<String> texts) {
        long tokens = 0;
        for (String text : texts) {
            tokens += Math.max(1, (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN);
        }
        if (budget.unit() == Budget.Unit.TOKENS) {
            return tokens;
        }
        long input = tokens;
        return prices.of(model).map(p -> p.cost(input, 0, 0)).orElse(0.0);
    }

    private double cost(String model, Optional<UsageMetadata> usage) {
        if (usage.isEmpty()) {
            return 0;
        }
        long prompt = usage.get().promptTokenCount() == null ? 0 : usage.get().promptTokenCount();
        long output =
                usage.get().candidatesTokenCount() == null ? 0 : usage.get().candidatesTokenCount();
        long thinking =
                usage.get().thoughtsTokenCount() == null ? 0 : usage.get().thoughtsTokenCount();
        if (budget.unit() == Budget.Unit.TOKENS) {
            return prompt + output + thinking;
        }
        return prices.of(model).map(p -> p.cost(prompt, output, thinking)).orElse(0.0);
    }

    private String amount(double value) {
        return budget.unit() == Budget.Unit.TOKENS
                ? String.format(Locale.ROOT, "%.0f tokens", value)
                : String.format(Locale.ROOT, "%.6f USD", value);
    }
}
