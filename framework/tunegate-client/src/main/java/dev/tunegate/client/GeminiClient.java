package dev.tunegate.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auth.oauth2.GoogleCredentials;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okhttp3.sse.EventSources;
import org.apiguardian.api.API;

/**
 * The Java API for the Gemini v1beta surface TuneGate uses: generateContent (sync and async), streaming over
 * SSE, tuned models and their operations, and base models. Thread-safe; share one instance.
 *
 * <p>The API key comes from a supplier (by default the environment variable {@code GEMINI_API_KEY}) and is
 * sent only in the {@code x-goog-api-key} header; no URL, log line, exception message or {@code toString}
 * contains it. Calls are bounded by {@code maxConcurrentRequests} and {@code requestsPerMinute} without
 * blocking threads, and retried per {@link RetryPolicy}. Futures complete on OkHttp's callback threads.
 *
 * <p>One client speaks to two backends, chosen by the model name ({@link ModelName}): the Gemini API
 * ({@code generativelanguage.googleapis.com/v1beta}, key in {@code x-goog-api-key}) and Vertex AI
 * ({@code https://{L}-aiplatform.googleapis.com/v1/{name}:generateContent}, {@code Authorization: Bearer} from
 * Google credentials, or an express-mode key). Both share the wire types, retries, limits and connections.
 *
 * <p>This class is the façade: it names the endpoints and maps them to wire types. The work behind it is done
 * by {@link Builder} (settings), {@code OkHttpWiring} (the OkHttp clients), {@code ApiKeyInterceptor} (the key
 * header), {@code Transport} (limits and retries) and {@code OperationPoller} (waiting for operations).
 *
 * <pre>{@code
 * try (GeminiClient client = GeminiClient.builder().build()) {
 *     String text = client.generateContent("gemini-2.0-flash", "Hello").text();
 * }
 * }</pre>
 */
@API(status = API.Status.STABLE)
public final class GeminiClient implements AutoCloseable {
    /** The public endpoint. */
    public static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com";
    /** The environment variable read by default for the API key. */
    public static final String DEFAULT_API_KEY_ENV = "GEMINI_API_KEY";

    private final HttpUrl baseUrl;
    private final OkHttpWiring okHttp;
    private final ObjectMapper mapper = GeminiJson.newMapper();
    private final ScheduledExecutorService scheduler;
    private final Transport transport;
    private final OperationPoller poller;
    private final boolean hasKeySupplier;
    private final VertexSettings vertex;
    private final HttpUrl vertexBaseUrl;
    private final OkHttpWiring vertexHttp;
    private final CredentialInterceptor vertexCredentials;
    private final Map<String, CompletableFuture<VertexDeployment>> deployments = new ConcurrentHashMap<>();
    private final VertexTuningJobs vertexTuningJobs;
    private final CloudStorage cloudStorage;
    private final VertexBatchPredictionJobs vertexBatchPredictionJobs;

    private GeminiClient(ClientSettings settings) {
        this.baseUrl = parseBaseUrl(settings.baseUrl());
        this.okHttp = OkHttpWiring.create(settings, new ApiKeyInterceptor(settings.apiKey()));
        this.vertex = settings.vertex();
        this.vertexBaseUrl = vertex.baseUrl() == null ? null : parseBaseUrl(vertex.baseUrl());
        this.vertexCredentials = switch (vertex.auth()) {
            case GOOGLE_CREDENTIALS -> new GoogleAuthInterceptor(vertex.credentials(), vertex.quotaProject());
            case API_KEY -> new ApiKeyInterceptor(vertex.apiKey());
            case NONE -> new ApiKeyInterceptor(() -> null);
        };
        this.vertexHttp = okHttp.withCredentials(vertexCredentials);
        this.scheduler = newScheduler();
        this.hasKeySupplier = settings.hasKeySupplier();
        this.transport = new Transport(
                settings.retryPolicy(),
                new AsyncPermits(settings.maxConcurrentRequests()),
                new RequestPacer(settings.requestsPerMinute()),
                settings.retryListener(),
                scheduler,
                new ApiErrors(mapper, Clock.systemUTC()),
                settings.ticker());
        this.poller =
                new OperationPoller(this::getOperation, settings.pollInitial(), settings.pollMax(), settings.ticker());
        VertexRest rest = new VertexRest(transport, vertexHttp.http, mapper);
        this.vertexTuningJobs = new VertexTuningJobs(
                rest, vertex, vertexBaseUrl, settings.pollInitial(), settings.pollMax(), settings.ticker());
        HttpUrl storageBase = settings.storageBaseUrl() != null
                ? parseBaseUrl(settings.storageBaseUrl())
                : vertexBaseUrl != null ? vertexBaseUrl : HttpUrl.get(CloudStorage.DEFAULT_BASE_URL);
        this.cloudStorage = new CloudStorage(rest, storageBase);
        this.vertexBatchPredictionJobs = new VertexBatchPredictionJobs(
                rest,
                vertex,
                vertexBaseUrl,
                cloudStorage,
                mapper,
                settings.pollInitial(),
                settings.pollMax(),
                settings.ticker());
    }

    private static ScheduledExecutorService newScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("tunegate-client-scheduler");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
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

    /**
     * The most calls this client keeps in flight at once, retries included ({@link Builder#maxConcurrentRequests});
     * 0 means no cap. The client owns this limit: callers that want to know how much work may run at once ask here
     * instead of keeping a limit of their own. Calls beyond it wait without holding a thread.
     */
    public int maxConcurrentRequests() {
        return transport.maxConcurrentRequests();
    }

    /**
     * The most HTTP attempts (retries included) this client starts per minute, spaced evenly
     * ({@link Builder#requestsPerMinute}); 0 means no limit. Like {@link #maxConcurrentRequests()}, the client owns
     * it and callers ask here.
     */
    public double requestsPerMinute() {
        return transport.requestsPerMinute();
    }

    // ---------------------------------------------------------------- generateContent

    /**
     * Generates a response from any {@link ModelName}: {@code models/*} or {@code tunedModels/*} on the Gemini API (a
     * bare id means {@code models/id}), or a Vertex AI endpoint, publisher model or tuned model resource.
     */
    public GenerateContentResponse generateContent(String model, GenerateContentRequest request) {
        return generateContentResult(model, request).response();
    }

    /** Generates a response to one user text. */
    public GenerateContentResponse generateContent(String model, String userText) {
        return generateContent(model, GenerateContentRequest.of(userText));
    }

    /** Like {@link #generateContent(String, GenerateContentRequest)}, with retry count and latency. */
    public GenerateContentResult generateContentResult(String model, GenerateContentRequest request) {
        return Blocking.await(generateContentAsync(model, request));
    }

    /** Sends generateContent without blocking; the future fails with {@link GeminiApiException}. */
    public CompletableFuture<GenerateContentResult> generateContentAsync(String model, GenerateContentRequest request) {
        byte[] body = json(Objects.requireNonNull(request, "request"));
        return target(model, "generateContent")
                .thenCompose(target -> transport.call(
                        target.wiring().http,
                        "POST",
                        target.url().build(),
                        body,
                        false,
                        (response, start) -> read(response.body(), GenerateContentResponse.class)))
                .thenApply(o -> new GenerateContentResult(o.value(), o.retries(), o.latency()));
    }

    // ---------------------------------------------------------------- embeddings

    /**
     * Embeds {@code texts} with {@code model} and returns one vector per text, in order; the future fails with
     * {@link GeminiApiException}. The model name picks the wire call, as the official SDKs do
     * ({@link ModelName#embeddingMethod()}): {@code batchEmbedContents} on the Gemini API; on Vertex AI
     * {@code POST .../publishers/google/models/M:predict} ({@code text-embedding-005}, {@code gemini-embedding-001},
     * endpoints) or {@code :embedContent} (newer Gemini embedding models), with the Vertex credential. The texts are
     * sent in as many calls as the model's limit needs ({@link ModelName#embeddingBatchLimit()}; a {@code predict}
     * call also carries at most about 20,000 input tokens), each with this client's limits and retries.
     */
    public CompletableFuture<List<double[]>> embedContentsAsync(String model, List<String> texts) {
        ModelName name = ModelName.parse(model);
        String method = name.embeddingMethod();
        List<CompletableFuture<List<double[]>>> calls =
                EmbeddingWire.calls(method, List.copyOf(texts), name.embeddingBatchLimit()).stream()
                        .map(batch -> embed(name, method, batch))
                        .toList();
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .thenApply(ignored ->
                        calls.stream().flatMap(call -> call.join().stream()).toList());
    }

    /**
     * Embeds {@code texts} with one {@code batchEmbedContents} call of the Gemini API (at most 100 texts) and returns
     * one vector per text, in order; the future fails with {@link GeminiApiException}. For any model name, use
     * {@link #embedContentsAsync}.
     */
    public CompletableFuture<List<double[]>> batchEmbedContentsAsync(String model, List<String> texts) {
        ModelName name = ModelName.parse(model);
        if (name.vertex()) {
            throw new IllegalArgumentException("batchEmbedContents is a Gemini API call; embed with Vertex AI model "
                    + model + " through embedContentsAsync");
        }
        return embed(name, "batchEmbedContents", texts);
    }

    private CompletableFuture<List<double[]>> embed(ModelName name, String method, List<String> texts) {
        byte[] body = json(EmbeddingWire.body(mapper, method, name.name(), texts));
        return target(name.name(), method)
                .thenCompose(target -> transport.call(
                        target.wiring().http, "POST", target.url().build(), body, false, (response, start) -> {
                            if (response.body() == null) {
                                throw new IOException("empty response body");
                            }
                            return EmbeddingWire.vectors(
                                    method, mapper.readTree(response.body().bytes()), texts.size());
                        }))
                .thenApply(Transport.Outcome::value);
    }

    // ---------------------------------------------------------------- streamGenerateContent

    /**
     * Streams a response over SSE, handing each chunk to {@code onChunk} as it arrives (on an HTTP thread), and
     * returns the chunks, their aggregate and timings. Throws {@link StreamInterruptedException} when the stream
     * ends without a final chunk or breaks; it is retried only when it fails before the first chunk.
     */
    public StreamedResponse streamGenerateContent(
            String model, GenerateContentRequest request, Consumer<GenerateContentResponse> onChunk) {
        return Blocking.await(streamGenerateContentAsync(model, request, onChunk));
    }

    /** Asynchronous {@link #streamGenerateContent}. */
    public CompletableFuture<StreamedResponse> streamGenerateContentAsync(
            String model, GenerateContentRequest request, Consumer<GenerateContentResponse> onChunk) {
        byte[] body = json(Objects.requireNonNull(request, "request"));
        return target(model, "streamGenerateContent")
                .thenCompose(target -> {
                    HttpUrl url = target.url().addQueryParameter("alt", "sse").build();
                    String call = "POST " + url.encodedPath();
                    return transport.call(target.wiring().streaming, "POST", url, body, true, (response, start) -> {
                        StreamCollector collector = new StreamCollector(mapper, onChunk, start, call);
                        EventSources.processResponse(response, collector);
                        collector.throwIfRetryable();
                        return collector;
                    });
                })
                .thenApply(o -> o.value().result(o.retries()));
    }

    // ---------------------------------------------------------------- backends

    /** Where a generation call goes: the URL of the model's method and the OkHttp clients with its credential. */
    private record Target(HttpUrl.Builder url, OkHttpWiring wiring) {}

    /**
     * The Gemini API for Gemini names, Vertex AI for Vertex names; a tuned model resource is first resolved to its
     * default endpoint. A name that is none of the forms throws {@link IllegalArgumentException} at once.
     */
    private CompletableFuture<Target> target(String model, String method) {
        if (!isVertexName(model)) {
            return CompletableFuture.completedFuture(
                    new Target(ResourceNames.url(baseUrl, ResourceNames.model(model), method), okHttp));
        }
        ModelName name = ModelName.parse(model);
        if (name.kind() == ModelName.Kind.VERTEX_TUNED_MODEL) {
            return deployment(name).thenApply(d -> vertexTarget(ModelName.parse(d.endpoint()), method));
        }
        return CompletableFuture.completedFuture(vertexTarget(name, method));
    }

    private static boolean isVertexName(String model) {
        String n = model == null ? "" : model.strip();
        return n.startsWith("projects/") || n.startsWith("publishers/");
    }

    private Target vertexTarget(ModelName name, String method) {
        return new Target(vertexUrl(name, method), vertexHttp);
    }

    private HttpUrl.Builder vertexUrl(ModelName name, String method) {
        ModelName full = name;
        if (name.needsProject() && vertex.auth() != VertexSettings.Auth.API_KEY) {
            if (vertex.project() == null) {
                throw new IllegalArgumentException(name + " needs a Google Cloud project: set vertexProject"
                        + " (tunegate.vertex.project), write projects/P/locations/L/" + name
                        + ", or use express mode (an API key)");
            }
            full = name.completed(vertex.project(), vertex.location());
        }
        HttpUrl base = vertexBaseUrl != null
                ? vertexBaseUrl
                : ResourceNames.vertexHost(full.location().orElse("global"));
        return ResourceNames.vertexUrl(base, vertex.apiVersion(), full.name(), method);
    }

    /**
     * Gets the credential of Vertex AI calls now (with Google credentials: loads them and obtains a token), so that a
     * caller about to make many calls fails once instead of in every call. Sends no request to Vertex AI.
     *
     * @throws GeminiApiException {@code HTTP 401 UNAUTHENTICATED} saying how to log in, when there are no usable
     *     Google credentials
     */
    public void checkVertexCredentials() {
        vertexCredentials.currentSecret();
    }

    /**
     * Reads a Vertex AI tuned model resource ({@code projects/P/locations/L/models/M[@N]}) through the Models API and
     * returns the endpoint serving its default checkpoint (the deployed model whose {@code checkpointId} is the
     * model's {@code defaultCheckpointId}, else the first deployed one) and its version. Generation calls on such a
     * name do this once per name and client.
     *
     * @throws GeminiApiException {@code HTTP 400 FAILED_PRECONDITION} when the model is deployed nowhere, or the
     *     Models API's error
     */
    public VertexDeployment resolveVertexModel(String name) {
        ModelName parsed = ModelName.parse(name);
        if (parsed.kind() != ModelName.Kind.VERTEX_TUNED_MODEL) {
            throw new IllegalArgumentException(
                    name + " is not a Vertex AI model resource projects/P/locations/L/models/M[@N]");
        }
        return Blocking.await(deployment(parsed));
    }

    private CompletableFuture<VertexDeployment> deployment(ModelName name) {
        CompletableFuture<VertexDeployment> cached = deployments.computeIfAbsent(
                name.name(),
                n -> transport
                        .call(vertexHttp.http, "GET", vertexUrl(name, null).build(), null, false, (response, start) -> {
                            ResponseBody body = response.body();
                            return deployed(name, body == null ? null : mapper.readTree(body.bytes()));
                        })
                        .thenApply(Transport.Outcome::value));
        cached.whenComplete((d, error) -> {
            if (error != null) {
                deployments.remove(name.name(), cached);
            }
        });
        return cached;
    }

    private static VertexDeployment deployed(ModelName name, JsonNode model) {
        JsonNode deployed = model == null ? null : model.path("deployedModels");
        String version = model == null || !model.hasNonNull("versionId")
                ? null
                : model.get("versionId").asText();
        String defaultCheckpoint =
                model == null ? "" : model.path("defaultCheckpointId").asText("");
        String endpoint = null;
        if (deployed != null && deployed.isArray()) {
            for (JsonNode d : deployed) {
                String e = d.path("endpoint").asText("");
                if (e.isEmpty()) {
                    continue;
                }
                if (endpoint == null) {
                    endpoint = e;
                }
                if (!defaultCheckpoint.isEmpty()
                        && defaultCheckpoint.equals(d.path("checkpointId").asText())) {
                    endpoint = e;
                    break;
                }
            }
        }
        if (endpoint == null) {
            throw new GeminiApiException(
                    400,
                    "FAILED_PRECONDITION",
                    "model " + name + " is not deployed to any endpoint; deploy it, or name its endpoint"
                            + " (projects/P/locations/L/endpoints/E)",
                    null,
                    null,
                    "GET " + name,
                    1,
                    null);
        }
        return new VertexDeployment(name.name(), version, endpoint);
    }

    /**
     * Vertex AI tuning jobs (create, get, list, cancel, wait), sent where this client's Vertex AI calls go, with the
     * same credentials, limits and retries.
     */
    public VertexTuningJobs vertexTuningJobs() {
        return vertexTuningJobs;
    }

    /**
     * Vertex AI batch prediction jobs (create, get, list, cancel, wait, JSONL input and output), sent where this
     * client's Vertex AI calls go, with the same credentials, limits and retries.
     */
    public VertexBatchPredictionJobs vertexBatchPredictionJobs() {
        return vertexBatchPredictionJobs;
    }

    /**
     * Cloud Storage media upload and download with this client's Vertex AI credentials: to
     * {@link Builder#storageBaseUrl}, else to the Vertex AI base URL when one is set (an emulator serves both), else
     * to {@value CloudStorage#DEFAULT_BASE_URL}.
     */
    public CloudStorage cloudStorage() {
        return cloudStorage;
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
        return poller.await(operation, progress, timeout);
    }

    // ---------------------------------------------------------------- batch mode

    /**
     * Submits {@code requests} as one batch with inline requests ({@code POST /v1beta/{model}:batchGenerateContent},
     * each request's {@code metadata.key} its index) and returns the batch's operation ({@code batches/{id}}).
     */
    public Operation batchGenerateContent(String model, List<GenerateContentRequest> requests, String displayName) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode batch = body.putObject("batch");
        if (displayName != null) {
            batch.put("displayName", displayName);
        }
        var inline = batch.putObject("inputConfig").putObject("requests").putArray("requests");
        for (int i = 0; i < requests.size(); i++) {
            ObjectNode item = inline.addObject();
            item.set("request", mapper.valueToTree(Objects.requireNonNull(requests.get(i), "request")));
            item.putObject("metadata").put("key", Integer.toString(i));
        }
        HttpUrl url = ResourceNames.url(baseUrl, ResourceNames.model(model), "batchGenerateContent")
                .build();
        return send("POST", url, body, Operation.class);
    }

    /**
     * Reads a batch ({@code GET /v1beta/batches/{id}}): its {@code metadata} carries {@code state} and
     * {@code batchStats}; once done, {@code response.inlinedResponses.inlinedResponses[]} holds a
     * {@code response} or an {@code error} per request, with the request's {@code metadata}.
     */
    public Operation getBatch(String name) {
        String n = Objects.requireNonNull(name, "name");
        if (!n.startsWith("batches/") || n.split("/", -1).length != 2 || n.endsWith("/")) {
            throw new IllegalArgumentException("batch name must be batches/{id}, was: " + n);
        }
        return send("GET", ResourceNames.url(baseUrl, n, null).build(), null, Operation.class);
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
        return Blocking.await(transport.call(
                        okHttp.http,
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
        return VertexRest.write(mapper, body);
    }

    private static void addQuery(HttpUrl.Builder url, String name, String value) {
        if (value != null) {
            url.addQueryParameter(name, value);
        }
    }

    /** Stops the retry scheduler and, when the client built its own OkHttpClient, its threads and connections. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        okHttp.close();
    }

    @Override
    public String toString() {
        return "GeminiClient[baseUrl=" + baseUrl() + ", apiKey=" + (hasKeySupplier ? "<supplier>" : "<env>") + "]";
    }

    /** Configures a {@link GeminiClient}. */
    @API(status = API.Status.STABLE)
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
        private double requestsPerMinute;
        private OkHttpClient okHttpClient;
        private RetryListener retryListener = RetryListener.NONE;
        private Duration pollInitial = Duration.ofSeconds(1);
        private Duration pollMax = Duration.ofSeconds(10);
        private Ticker ticker = Ticker.SYSTEM;
        private VertexSettings vertex = VertexSettings.defaults();
        private String storageBaseUrl;

        private Builder() {}

        /**
         * Scheme, host and port of Cloud Storage calls ({@link GeminiClient#cloudStorage()}) instead of
         * {@value CloudStorage#DEFAULT_BASE_URL}; null (default) means the Vertex AI base URL when one is set (a local
         * emulator serves both), else Google's.
         */
        public Builder storageBaseUrl(String url) {
            this.storageBaseUrl = url;
            return this;
        }

        /** Google Cloud project that completes short {@code publishers/google/models/M} names (Vertex AI). */
        public Builder vertexProject(String project) {
            vertex = withVertex(project, vertex.location(), vertex.baseUrl(), vertex.apiVersion());
            return this;
        }

        /** Location of completed short Vertex names (default {@code us-central1}); {@code global} is served too. */
        public Builder vertexLocation(String location) {
            vertex = withVertex(
                    vertex.project(),
                    Objects.requireNonNull(location, "location"),
                    vertex.baseUrl(),
                    vertex.apiVersion());
            return this;
        }

        /**
         * Scheme, host and port for Vertex AI calls instead of {@code https://{L}-aiplatform.googleapis.com} (a
         * private or regional endpoint, or a local emulator); null for Google's.
         */
        public Builder vertexBaseUrl(String url) {
            vertex = withVertex(vertex.project(), vertex.location(), url, vertex.apiVersion());
            return this;
        }

        /** Vertex AI API version: {@code v1} (default) or {@code v1beta1}. */
        public Builder vertexApiVersion(String version) {
            if (!"v1".equals(version) && !"v1beta1".equals(version)) {
                throw new IllegalArgumentException("Vertex AI API version must be v1 or v1beta1, was: " + version);
            }
            vertex = withVertex(vertex.project(), vertex.location(), vertex.baseUrl(), version);
            return this;
        }

        /**
         * Google credentials for Vertex AI calls ({@code Authorization: Bearer}), asked for once, on the first
         * Vertex call, and scoped to cloud-platform when they need a scope. The default is Application Default
         * Credentials ({@code gcloud auth application-default login}, {@code GOOGLE_APPLICATION_CREDENTIALS}, or
         * the metadata server).
         */
        public Builder vertexCredentials(Supplier<GoogleCredentials> credentials) {
            Objects.requireNonNull(credentials, "credentials");
            vertex = new VertexSettings(
                    vertex.project(),
                    vertex.location(),
                    vertex.baseUrl(),
                    vertex.apiVersion(),
                    VertexSettings.Auth.GOOGLE_CREDENTIALS,
                    credentials,
                    null,
                    vertex.quotaProject());
            return this;
        }

        /** Vertex AI express mode: this API key in {@code x-goog-api-key}, no Google credentials. */
        public Builder vertexApiKey(Supplier<String> apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            vertex = new VertexSettings(
                    vertex.project(),
                    vertex.location(),
                    vertex.baseUrl(),
                    vertex.apiVersion(),
                    VertexSettings.Auth.API_KEY,
                    null,
                    apiKey,
                    vertex.quotaProject());
            return this;
        }

        /** Vertex AI calls carry no credential at all (a local emulator). */
        public Builder vertexWithoutCredentials() {
            vertex = new VertexSettings(
                    vertex.project(),
                    vertex.location(),
                    vertex.baseUrl(),
                    vertex.apiVersion(),
                    VertexSettings.Auth.NONE,
                    null,
                    null,
                    vertex.quotaProject());
            return this;
        }

        /** Sent as {@code x-goog-user-project} (the project billed for quota); default the credentials' own. */
        public Builder vertexQuotaProject(String project) {
            vertex = new VertexSettings(
                    vertex.project(),
                    vertex.location(),
                    vertex.baseUrl(),
                    vertex.apiVersion(),
                    vertex.auth(),
                    vertex.credentials(),
                    vertex.apiKey(),
                    project);
            return this;
        }

        private VertexSettings withVertex(String project, String location, String baseUrl, String apiVersion) {
            return new VertexSettings(
                    project,
                    location,
                    baseUrl,
                    apiVersion,
                    vertex.auth(),
                    vertex.credentials(),
                    vertex.apiKey(),
                    vertex.quotaProject());
        }

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
        public Builder requestsPerMinute(double rpm) {
            if (!(rpm >= 0) || Double.isInfinite(rpm)) {
                throw new IllegalArgumentException("requestsPerMinute must be a finite number >= 0");
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

        /** The clock of retry deadlines and operation polling (tests drive it by hand; default the real one). */
        Builder ticker(Ticker clock) {
            this.ticker = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A client with these settings; the builder can be reused. */
        public GeminiClient build() {
            Supplier<String> key = apiKey != null ? apiKey : environmentVariable(apiKeyEnv);
            return new GeminiClient(new ClientSettings(
                    baseUrl,
                    key,
                    apiKey != null,
                    connectTimeout,
                    readTimeout,
                    writeTimeout,
                    callTimeout,
                    retryPolicy,
                    maxConcurrentRequests,
                    requestsPerMinute,
                    okHttpClient,
                    retryListener,
                    pollInitial,
                    pollMax,
                    ticker,
                    vertex,
                    storageBaseUrl));
        }

        private static Supplier<String> environmentVariable(String name) {
            return () -> System.getenv(name);
        }

        @Override
        public String toString() {
            return "GeminiClient.Builder[baseUrl=" + baseUrl + "]";
        }
    }
}
