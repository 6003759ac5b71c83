package dev.tunegate.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.ListModelsResponse;
import dev.tunegate.client.model.ListOperationsResponse;
import dev.tunegate.client.model.ListTunedModelsResponse;
import dev.tunegate.client.model.Model;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.TunedModel;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSources;

/**
 * The Java API for the Gemini v1beta surface TuneGate uses: generateContent (sync and async), streaming over
 * SSE, tuned models and their operations, and base models. Thread-safe; share one instance.
 *
 * <p>The API key comes from a supplier (by default the environment variable {@code GEMINI_API_KEY}) and is
 * sent only in the {@code x-goog-api-key} header; no URL, log line, exception message or {@code toString}
 * contains it. Calls are bounded by {@code maxConcurrentRequests} and {@code requestsPerMinute} without
 * blocking threads, and retried per {@link RetryPolicy}. Futures complete on OkHttp's callback threads.
 *
 * <pre>{@code
 * try (GeminiClient client = GeminiClient.builder().build()) {
 *     String text = client.generateContent("gemini-2.0-flash", "Hello").text();
 * }
 * }</pre>
 */
public final class GeminiClient implements AutoCloseable {
    /** The public endpoint. */
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";
    /** The environment variable read by default for the API key. */
    public static final String DEFAULT_API_KEY_ENV = "GEMINI_API_KEY";

    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final OkHttpClient streamingHttp;
    private final boolean ownsHttp;
    private final ObjectMapper mapper = GeminiJson.newMapper();
    private final ScheduledExecutorService scheduler;
    private final Transport transport;
    private final Duration pollInitial;
    private final Duration pollMax;
    private final boolean hasKeySupplier;

    private GeminiClient(Builder b) {
        this.baseUrl = parseBaseUrl(b.baseUrl);
        OkHttpClient.Builder hb;
        if (b.okHttpClient != null) {
            hb = b.okHttpClient.newBuilder();
            this.ownsHttp = false;
            raiseDispatcherLimits(b.okHttpClient.dispatcher(), b.maxConcurrentRequests);
        } else {
            Dispatcher dispatcher = new Dispatcher();
            raiseDispatcherLimits(dispatcher, b.maxConcurrentRequests);
            // Keep as many idle connections as calls may be in flight: with OkHttp's default of 5, a burst of
            // concurrent calls leaves connections that are closed when idle and opened again for the next burst.
            hb = new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .connectionPool(new ConnectionPool(
                            Math.max(5, Math.min(b.maxConcurrentRequests, 256)), 5, TimeUnit.MINUTES))
                    .connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(60))
                    .writeTimeout(Duration.ofSeconds(60))
                    .callTimeout(Duration.ofSeconds(120));
            this.ownsHttp = true;
        }
        if (b.connectTimeout != null) {
            hb.connectTimeout(b.connectTimeout);
        }
        if (b.readTimeout != null) {
            hb.readTimeout(b.readTimeout);
        }
        if (b.writeTimeout != null) {
            hb.writeTimeout(b.writeTimeout);
        }
        if (b.callTimeout != null) {
            hb.callTimeout(b.callTimeout);
        }
        // The RetryPolicy owns every retry, so that each one is counted and reported (OkHttp would silently
        // repeat 408s and failed connections otherwise).
        this.http = hb.retryOnConnectionFailure(false).build();
        this.streamingHttp = http.newBuilder().callTimeout(Duration.ZERO).build();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("tunegate-client-scheduler");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
        this.hasKeySupplier = b.apiKey != null;
        Supplier<String> key = b.apiKey != null ? b.apiKey : () -> System.getenv(b.apiKeyEnv);
        this.transport = new Transport(
                key,
                b.retryPolicy,
                new AsyncPermits(b.maxConcurrentRequests),
                new RequestPacer(b.requestsPerMinute),
                b.retryListener,
                scheduler,
                new ApiErrors(mapper, Clock.systemUTC()));
        this.pollInitial = b.pollInitial;
        this.pollMax = b.pollMax;
    }

    private static HttpUrl parseBaseUrl(String url) {
        HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "baseUrl"));
        if (parsed == null) {
            throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + Redactor.redact(url, null));
        }
        if (parsed.querySize() > 0) {
            throw new IllegalArgumentException("baseUrl must not carry a query (the API key belongs in the header)");
        }
        return parsed;
    }

    private static void raiseDispatcherLimits(Dispatcher dispatcher, int maxConcurrent) {
        int wanted = maxConcurrent > 0 ? Math.max(64, maxConcurrent * 2) : 1024;
        if (dispatcher.getMaxRequests() < wanted) {
            dispatcher.setMaxRequests(wanted);
        }
        if (dispatcher.getMaxRequestsPerHost() < wanted) {
            dispatcher.setMaxRequestsPerHost(wanted);
        }
    }

    /** A new builder with the defaults described on its methods. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL (scheme, host, port). */
    public String baseUrl() {
        String s = baseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Counters since this client was built. */
    public ClientMetrics metrics() {
        return new ClientMetrics(
                transport.attempts.get(), transport.retries.get(), transport.failedCalls.get(), transport.inFlight());
    }

    // ---------------------------------------------------------------- generateContent

    /** Generates a response from {@code models/*} or {@code tunedModels/*} (a bare id means {@code models/id}). */
    public GenerateContentResponse generateContent(String model, GenerateContentRequest request) {
        return generateContentResult(model, request).response();
    }

    /** Generates a response to one user text. */
    public GenerateContentResponse generateContent(String model, String userText) {
        return generateContent(model, GenerateContentRequest.of(userText));
    }

    /** Like {@link #generateContent(String, GenerateContentRequest)}, with retry count and latency. */
    public GenerateContentResult generateContentResult(String model, GenerateContentRequest request) {
        return await(generateContentAsync(model, request));
    }

    /** Sends generateContent without blocking; the future fails with {@link GeminiApiException}. */
    public CompletableFuture<GenerateContentResult> generateContentAsync(String model, GenerateContentRequest request) {
        String name = ResourceNames.model(model);
        HttpUrl url = ResourceNames.url(baseUrl, name, "generateContent").build();
        return transport
                .call(
                        http,
                        "POST",
                        url,
                        json(Objects.requireNonNull(request, "request")),
                        false,
                        (response, start) -> read(response.body(), GenerateContentResponse.class))
                .thenApply(o -> new GenerateContentResult(o.value(), o.retries(), o.latency()));
    }

    // ---------------------------------------------------------------- streamGenerateContent

    /**
     * Streams a response over SSE, handing each chunk to {@code onChunk} as it arrives (on an HTTP thread), and
     * returns the chunks, their aggregate and timings. Throws {@link StreamInterruptedException} when the stream
     * ends without a final chunk or breaks; it is retried only when it fails before the first chunk.
     */
    public StreamedResponse streamGenerateContent(
            String model, GenerateContentRequest request, Consumer<GenerateContentResponse> onChunk) {
        return await(streamGenerateContentAsync(model, request, onChunk));
    }

    /** Asynchronous {@link #streamGenerateContent}. */
    public CompletableFuture<StreamedResponse> streamGenerateContentAsync(
            String model, GenerateContentRequest request, Consumer<GenerateContentResponse> onChunk) {
        String name = ResourceNames.model(model);
        HttpUrl url = ResourceNames.url(baseUrl, name, "streamGenerateContent")
                .addQueryParameter("alt", "sse")
                .build();
        String call = "POST " + url.encodedPath();
        return transport
                .call(
                        streamingHttp,
                        "POST",
                        url,
                        json(Objects.requireNonNull(request, "request")),
                        true,
                        (response, start) -> {
                            StreamCollector collector = new StreamCollector(mapper, onChunk, start, call);
                            EventSources.processResponse(response, collector);
                            collector.throwIfRetryable();
                            return collector;
                        })
                .thenApply(o -> o.value().result(o.retries()));
    }

    // ---------------------------------------------------------------- tuned models

    /** Starts tuning ({@code POST /v1beta/tunedModels[?tunedModelId=]}); {@code tunedModelId} may be null. */
    public Operation createTunedModel(TunedModel model, String tunedModelId) {
        HttpUrl.Builder url = ResourceNames.url(baseUrl, "tunedModels", null);
        if (tunedModelId != null) {
            url.addQueryParameter("tunedModelId", tunedModelId);
        }
        return send("POST", url.build(), Objects.requireNonNull(model, "model"), Operation.class);
    }

    /** Reads a tuned model. */
    public TunedModel getTunedModel(String name) {
        return send(
                "GET",
                ResourceNames.url(baseUrl, ResourceNames.tunedModel(name), null).build(),
                null,
                TunedModel.class);
    }

    /** One page of tuned models; every argument may be null. */
    public ListTunedModelsResponse listTunedModels(Integer pageSize, String pageToken, String filter) {
        HttpUrl.Builder url = ResourceNames.url(baseUrl, "tunedModels", null);
        addQuery(url, "pageSize", pageSize == null ? null : pageSize.toString());
        addQuery(url, "pageToken", pageToken);
        addQuery(url, "filter", filter);
        return send("GET", url.build(), null, ListTunedModelsResponse.class);
    }

    /** All tuned models matching {@code filter} (may be null), fetched page by page as the stream is consumed. */
    public Stream<TunedModel> listAllTunedModels(String filter) {
        return listAllTunedModels(null, filter);
    }

    /** All tuned models, fetched {@code pageSize} at a time. */
    public Stream<TunedModel> listAllTunedModels(Integer pageSize, String filter) {
        return PageIterator.stream(token -> {
            ListTunedModelsResponse page = listTunedModels(pageSize, token, filter);
            return new PageIterator.Page<>(page.tunedModels(), page.nextPageToken());
        });
    }

    /** Updates the fields named in {@code updateMask} (comma-separated, may be null) of {@code model.name()}. */
    public TunedModel patchTunedModel(TunedModel model, String updateMask) {
        Objects.requireNonNull(model, "model");
        HttpUrl.Builder url = ResourceNames.url(baseUrl, ResourceNames.tunedModel(model.name()), null);
        addQuery(url, "updateMask", updateMask);
        return send("PATCH", url.build(), model, TunedModel.class);
    }

    /** Updates the given fields of {@code model.name()}. */
    public TunedModel patchTunedModel(TunedModel model, List<String> updateMask) {
        return patchTunedModel(model, updateMask == null ? null : String.join(",", updateMask));
    }

    /** Deletes a tuned model. */
    public void deleteTunedModel(String name) {
        send(
                "DELETE",
                ResourceNames.url(baseUrl, ResourceNames.tunedModel(name), null).build(),
                null,
                Void.class);
    }

    // ---------------------------------------------------------------- operations

    /** Reads an operation {@code tunedModels/{id}/operations/{op}}. */
    public Operation getOperation(String name) {
        return send(
                "GET",
                ResourceNames.url(baseUrl, ResourceNames.operation(name), null).build(),
                null,
                Operation.class);
    }

    /** The operations of a tuned model (first page). */
    public ListOperationsResponse listOperations(String tunedModelName) {
        return listOperations(tunedModelName, null, null);
    }

    /** One page of a tuned model's operations. */
    public ListOperationsResponse listOperations(String tunedModelName, Integer pageSize, String pageToken) {
        HttpUrl.Builder url =
                ResourceNames.url(baseUrl, ResourceNames.tunedModel(tunedModelName) + "/operations", null);
        addQuery(url, "pageSize", pageSize == null ? null : pageSize.toString());
        addQuery(url, "pageToken", pageToken);
        return send("GET", url.build(), null, ListOperationsResponse.class);
    }

    /**
     * Polls {@code operation} until it is done, waiting {@code pollInitial} and growing by 1.5x up to
     * {@code pollMax} between reads, and reports every read to {@code progress} (may be null). Returns the done
     * operation, which may carry an {@code error}; throws {@link GeminiApiException} with status
     * DEADLINE_EXCEEDED when {@code timeout} passes first.
     */
    public Operation awaitOperation(Operation operation, Consumer<Operation> progress, Duration timeout) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(timeout, "timeout");
        Instant deadline = Instant.now().plus(timeout);
        Operation current = operation;
        Duration wait = pollInitial;
        while (!current.isDone()) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new GeminiApiException(
                        0,
                        "DEADLINE_EXCEEDED",
                        "operation " + current.name() + " not done after " + timeout,
                        null,
                        null,
                        "GET /v1beta/" + current.name(),
                        1,
                        null);
            }
            sleep(wait.compareTo(left) < 0 ? wait : left);
            current = getOperation(current.name());
            if (progress != null) {
                progress.accept(current);
            }
            long next = (long) (wait.toNanos() * 1.5);
            wait = Duration.ofNanos(Math.min(next, pollMax.toNanos()));
        }
        return current;
    }

    // ---------------------------------------------------------------- base models

    /** Reads a base model ({@code models/x}, or a bare id). */
    public Model getModel(String name) {
        return send(
                "GET",
                ResourceNames.url(baseUrl, ResourceNames.baseModel(name), null).build(),
                null,
                Model.class);
    }

    /** One page of base models; arguments may be null. */
    public ListModelsResponse listModels(Integer pageSize, String pageToken) {
        HttpUrl.Builder url = ResourceNames.url(baseUrl, "models", null);
        addQuery(url, "pageSize", pageSize == null ? null : pageSize.toString());
        addQuery(url, "pageToken", pageToken);
        return send("GET", url.build(), null, ListModelsResponse.class);
    }

    /** All base models, page by page. */
    public Stream<Model> listAllModels() {
        return PageIterator.stream(token -> {
            ListModelsResponse page = listModels(null, token);
            return new PageIterator.Page<>(page.models(), page.nextPageToken());
        });
    }

    // ---------------------------------------------------------------- plumbing

    private <T> T send(String method, HttpUrl url, Object body, Class<T> type) {
        return await(transport.call(
                        http,
                        method,
                        url,
                        body == null ? null : json(body),
                        false,
                        (response, start) -> type == Void.class ? null : read(response.body(), type)))
                .value();
    }

    private <T> T read(ResponseBody body, Class<T> type) throws IOException {
        if (body == null) {
            throw new IOException("empty response body");
        }
        return mapper.readValue(body.bytes(), type);
    }

    private byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + body.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void addQuery(HttpUrl.Builder url, String name, String value) {
        if (value != null) {
            url.addQueryParameter(name, value);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new GeminiApiException(
                    0, "CANCELLED", "interrupted while waiting for the response", null, null, null, 1, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        } catch (CancellationException e) {
            throw new GeminiApiException(0, "CANCELLED", "call cancelled", null, null, null, 1, e);
        }
    }

    private static RuntimeException unwrap(Throwable t) {
        Throwable cause = t;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException re) {
            return re;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GeminiApiException(0, "CANCELLED", "interrupted while polling", null, null, null, 1, e);
        }
    }

    /** Stops the retry scheduler and, when the client built its own OkHttpClient, its threads and connections. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        if (ownsHttp) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    @Override
    public String toString() {
        return "GeminiClient[baseUrl=" + baseUrl() + ", apiKey=" + (hasKeySupplier ? "<supplier>" : "<env>") + "]";
    }

    /** Configures a {@link GeminiClient}. */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private Supplier<String> apiKey;
        private String apiKeyEnv = DEFAULT_API_KEY_ENV;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration writeTimeout;
        private Duration callTimeout;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private int maxConcurrentRequests;
        private int requestsPerMinute;
        private OkHttpClient okHttpClient;
        private RetryListener retryListener = RetryListener.NONE;
        private Duration pollInitial = Duration.ofSeconds(1);
        private Duration pollMax = Duration.ofSeconds(10);

        private Builder() {}

        /** Scheme, host and port, e.g. {@code http://127.0.0.1:41234}; default {@value #DEFAULT_BASE_URL}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
            return this;
        }

        /** Where the API key comes from, read for every request; null or blank means no key header. */
        public Builder apiKey(Supplier<String> apiKey) {
            this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
            return this;
        }

        /** Reads the API key from this environment variable (default {@value #DEFAULT_API_KEY_ENV}). */
        public Builder apiKeyEnv(String variable) {
            this.apiKeyEnv = Objects.requireNonNull(variable, "variable");
            this.apiKey = null;
            return this;
        }

        /** TCP connect timeout (default 10 s). */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        /** Socket read timeout, also the longest gap between stream chunks (default 60 s). */
        public Builder readTimeout(Duration d) {
            this.readTimeout = d;
            return this;
        }

        /** Socket write timeout (default 60 s). */
        public Builder writeTimeout(Duration d) {
            this.writeTimeout = d;
            return this;
        }

        /** Whole-attempt timeout for non-streaming calls (default 120 s; streams have none). */
        public Builder callTimeout(Duration d) {
            this.callTimeout = d;
            return this;
        }

        /** Retry policy (default {@link RetryPolicy#defaults()}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Most calls in flight at once, retries included; 0 (default) means no client-side cap. */
        public Builder maxConcurrentRequests(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxConcurrentRequests must be >= 0");
            }
            this.maxConcurrentRequests = max;
            return this;
        }

        /** Most HTTP attempts started per minute, spaced evenly; 0 (default) means unlimited. */
        public Builder requestsPerMinute(int rpm) {
            if (rpm < 0) {
                throw new IllegalArgumentException("requestsPerMinute must be >= 0");
            }
            this.requestsPerMinute = rpm;
            return this;
        }

        /** Uses this OkHttpClient (its pool, dispatcher, interceptors); its dispatcher limits are raised if low. */
        public Builder okHttpClient(OkHttpClient client) {
            this.okHttpClient = client;
            return this;
        }

        /** Observes every retry. */
        public Builder retryListener(RetryListener listener) {
            this.retryListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** First and longest wait between operation polls in {@link #awaitOperation} (default 1 s, 10 s). */
        public Builder operationPolling(Duration initial, Duration max) {
            this.pollInitial = Objects.requireNonNull(initial, "initial");
            this.pollMax = Objects.requireNonNull(max, "max");
            return this;
        }

        public GeminiClient build() {
            return new GeminiClient(this);
        }

        @Override
        public String toString() {
            return "GeminiClient.Builder[baseUrl=" + baseUrl + "]";
        }
    }
}
