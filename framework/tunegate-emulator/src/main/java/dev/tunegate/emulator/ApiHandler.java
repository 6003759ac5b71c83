package dev.tunegate.emulator;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.emulator.faults.FaultDecision;
import dev.tunegate.emulator.faults.FaultInjector;
import dev.tunegate.emulator.generation.Generation;
import dev.tunegate.emulator.generation.GenerationPipeline;
import dev.tunegate.emulator.generation.GenerationPlan;
import dev.tunegate.emulator.generation.RequestReader;
import dev.tunegate.emulator.generation.ServedModel;
import dev.tunegate.emulator.http.ApiException;
import dev.tunegate.emulator.http.ApiRequest;
import dev.tunegate.emulator.http.ApiResponse;
import dev.tunegate.emulator.http.ErrorBody;
import dev.tunegate.emulator.stats.EmulatorStats;
import dev.tunegate.emulator.storage.GcsDirectory;
import dev.tunegate.emulator.tokenizer.Tokenizer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Routes every HTTP request: {@code /emulator/*} admin endpoints; the Gemini API under {@code /v1beta}
 * and {@code /v1} (API-key check, fault injection, then models list/get, generateContent,
 * streamGenerateContent, countTokens, and the tuned-model routes delegated to the
 * {@link TunedModelService}); and the Vertex AI surface under {@code /v1} and {@code /v1beta1}
 * ({@link VertexApi}: publisher models and deployed endpoints, same pipeline). Every failure is answered
 * with a {@code google.rpc.Status} JSON body; only an unexpected bug or an injected fault is a 5xx.
 * At most {@code maxInFlight} requests are handled at once; a request takes its permit only after it
 * has been read in full, so clients that stop half-way never make others wait.
 */
final class ApiHandler implements HttpHandler {

    /** The request being handled on this thread (HttpExchange attributes are shared per context). */
    private static final class Outcome {
        String endpoint = "unknown";
        boolean recorded;
    }

    private static final ThreadLocal<Outcome> CURRENT = ThreadLocal.withInitial(Outcome::new);

    private final ObjectMapper mapper;
    private final ObjectWriter pretty;
    private final ObjectWriter compact;
    private final RequestReader reader;
    private final GenerationPipeline pipeline;
    private final ModelCatalog catalog;
    private final Map<String, ServedModel> baseModels;
    private final TunedModelService tuned;
    private final FaultInjector faults;
    private final EmulatorStats stats;
    private final ApiKeyCheck apiKey;
    private final VertexApi vertex;
    private final Clock clock;
    private final StreamWriter streams;
    private final int chunkTokens;
    private final Semaphore handlers;
    private final BatchService batches;
    private final StorageRoutes storage;
    private final BatchPredictionRoutes batchPredictions;

    ApiHandler(
            ObjectMapper mapper,
            RequestReader reader,
            GenerationPipeline pipeline,
            ModelCatalog catalog,
            Map<String, ServedModel> baseModels,
            TunedModelService tuned,
            FaultInjector faults,
            EmulatorStats stats,
            String requiredApiKey,
            String requiredBearer,
            Deployments deployments,
            Clock clock,
            int chunkTokens,
            int maxInFlight,
            BatchService batches,
            BatchPredictionService batchPredictions,
            GcsDirectory gcs) {
        this.mapper = mapper;
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        this.pretty = mapper.writer(printer);
        this.compact = mapper.writer();
        this.reader = reader;
        this.pipeline = pipeline;
        this.catalog = catalog;
        this.baseModels = baseModels;
        this.tuned = tuned;
        this.faults = faults;
        this.stats = stats;
        this.apiKey = new ApiKeyCheck(requiredApiKey);
        this.clock = clock;
        BearerCheck bearer = new BearerCheck(requiredBearer);
        this.vertex = new VertexApi(mapper, baseModels, tuned, deployments, bearer, apiKey, clock.instant());
        this.storage = new StorageRoutes(gcs, bearer);
        this.batchPredictions = new BatchPredictionRoutes(batchPredictions, vertex, bearer);
        this.streams = new StreamWriter(pretty, compact, stats);
        this.chunkTokens = chunkTokens;
        this.handlers = new Semaphore(maxInFlight, true);
        this.batches = batches;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        stats.started();
        String endpoint = "unknown";
        int status = 500;
        boolean cut = false;
        Outcome outcome = new Outcome();
        CURRENT.set(outcome);
        try {
            ApiRequest request = ExchangeReader.read(exchange);
            // only now: a request refused while being read stays watched, so that answering it and
            // closing the exchange (which drains an unread body) cannot wait for the client forever
            ConnectionGuard.requestRead();
            endpoint = EndpointNames.of(request);
            outcome.endpoint = endpoint;
            // a handler permit only once the whole request is in: a slow client never holds one
            handlers.acquire();
            try {
                status = dispatch(exchange, request, endpoint);
            } finally {
                handlers.release();
            }
        } catch (InterruptedException e) {
            status = 499; // the emulator is stopping
            Thread.currentThread().interrupt();
        } catch (ApiException e) {
            status = e.httpStatus();
            sendError(exchange, e);
        } catch (StreamWriter.StreamCut e) {
            status = 200;
            cut = true;
            throw e; // not closing the exchange: the server drops the connection mid-body
        } catch (IOException e) {
            status = 499; // client went away
        } catch (RuntimeException e) {
            status = 500;
            sendError(
                    exchange,
                    new ApiException(
                            500,
                            "INTERNAL",
                            "Internal error in the TuneGate emulator: "
                                    + e.getClass().getSimpleName(),
                            null,
                            null));
        } finally {
            record(status);
            CURRENT.remove();
            if (!cut) {
                exchange.close();
            }
        }
    }

    private int dispatch(HttpExchange exchange, ApiRequest request, String endpoint) throws IOException {
        String path = request.path();
        if (path.startsWith("/emulator/")) {
            return admin(exchange, request);
        }
        if (StorageRoutes.handles(path)) {
            injectFaults(request, false);
            return storage(exchange, request);
        }
        if (path.startsWith("/v1beta1/")) {
            return vertex(exchange, request, "v1beta1", path.substring("/v1beta1/".length()));
        }
        if (path.startsWith("/v1/")) {
            String rest = path.substring("/v1/".length());
            if (VertexRoute.isVertex(rest)) {
                return vertex(exchange, request, "v1", rest);
            }
            // the Gemini API's v1 is a subset of v1beta: one implementation serves both
            return gemini(
                    exchange,
                    new ApiRequest(
                            request.method(), "/v1beta/" + rest, request.query(), request.headers(), request.body()));
        }
        if (path.startsWith("/v1beta/")) {
            return gemini(exchange, request);
        }
        throw ApiException.notFound("The requested URL " + path + " was not found on this server"
                + " (the emulator serves /v1beta/..., /v1/..., /v1beta1/..., /storage/v1/...,"
                + " /upload/storage/v1/... and /emulator/...).");
    }

    /** The Cloud Storage JSON API: media upload, object metadata and download. */
    private int storage(HttpExchange exchange, ApiRequest request) throws IOException {
        InetSocketAddress local = exchange.getLocalAddress();
        String host = request.header("Host");
        String baseUrl = "http://"
                + (host != null && !host.isBlank() ? host.strip() : local.getHostString() + ":" + local.getPort());
        StorageRoutes.Reply reply = storage.handle(request, baseUrl);
        if (reply.json() != null) {
            sendJson(exchange, 200, reply.json());
            return 200;
        }
        record(200);
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.sendResponseHeaders(200, reply.bytes().length == 0 ? -1 : reply.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.bytes());
        }
        return 200;
    }

    private int gemini(HttpExchange exchange, ApiRequest request) throws IOException {
        String path = request.path();
        apiKey.check(request);
        FaultDecision fault = injectFaults(request, path.endsWith(":streamGenerateContent"));
        String rest = path.substring("/v1beta/".length());
        if (rest.startsWith("models")) {
            return models(exchange, request, rest, fault);
        }
        if (rest.startsWith("batches/")) {
            requireMethod(request, "GET");
            sendJson(exchange, 200, batches.get(rest));
            return 200;
        }
        if (rest.startsWith("tunedModels")) {
            int colon = rest.indexOf(':');
            if (colon > 0 && !rest.substring(0, colon).contains("/operations")) {
                String name = rest.substring(0, colon);
                String method = rest.substring(colon + 1);
                requireMethod(request, "POST");
                ServedModel model = tuned.resolve(name);
                return generate(exchange, request, model, method, fault, null);
            }
            ApiResponse response = tuned.handle(request);
            sendJson(exchange, response.status(), response.body());
            return response.status();
        }
        throw ApiException.notFound("The requested URL " + path + " was not found on this server.");
    }

    /** The Vertex AI surface: publisher models and deployed endpoints, for any project and location. */
    private int vertex(HttpExchange exchange, ApiRequest request, String version, String rest) throws IOException {
        if (BatchPredictionRoutes.handles(rest)) {
            injectFaults(request, false);
            sendJson(exchange, 200, batchPredictions.handle(request, version, rest));
            return 200;
        }
        VertexRoute route = vertex.route(request, version, rest);
        FaultDecision fault = injectFaults(request, "streamGenerateContent".equals(route.method()));
        if (route.kind() == VertexRoute.Kind.TUNING_JOB) {
            ApiResponse response = tuned.vertexTuningJobs(route.parent(), route.id(), route.method(), request);
            sendJson(exchange, response.status(), response.body());
            return response.status();
        }
        if (route.method() == null) {
            requireMethod(request, "GET");
            sendJson(exchange, 200, vertex.resource(route));
            return 200;
        }
        requireMethod(request, "POST");
        if (route.kind() == VertexRoute.Kind.PUBLISHER_MODEL
                && (route.method().equals("predict") || route.method().equals("embedContent"))) {
            return embedOnVertex(exchange, request, route);
        }
        return generate(exchange, request, vertex.model(route), route.method(), fault, route);
    }

    /**
     * {@code :predict} and {@code :embedContent} of a Vertex AI publisher model: embedding models embed
     * ({@link VertexEmbeddingRoutes}); a Gemini base model is a 400 {@code FAILED_PRECONDITION} for {@code predict}
     * (as on Vertex AI) and a 404 for {@code embedContent}; an unknown model is a 404.
     */
    private int embedOnVertex(HttpExchange exchange, ApiRequest request, VertexRoute route) throws IOException {
        if (VertexEmbeddingRoutes.embeds(route.id())) {
            VertexEmbeddingRoutes embeddings = new VertexEmbeddingRoutes(new EmbeddingRoutes(mapper));
            sendJson(
                    exchange,
                    200,
                    route.method().equals("predict")
                            ? embeddings.predict(route.id(), request.body())
                            : embeddings.embedContent(request.body()));
            return 200;
        }
        ServedModel model = vertex.model(route); // a 404 for a model the emulator does not serve
        if (route.method().equals("predict")) {
            throw ApiException.failedPrecondition("Gemini cannot be accessed through Vertex Predict/RawPredict API:"
                    + " call " + route.resourceName() + ":generateContent (only embedding models answer :predict"
                    + " here, e.g. publishers/google/models/text-embedding-005).");
        }
        throw ApiException.notFound("Unknown method :" + route.method() + " on " + model.name()
                + " (embedContent is served on embedding models only).");
    }

    private FaultDecision injectFaults(ApiRequest request, boolean streaming) {
        FaultDecision fault = faults.decide(request.header(FaultInjector.HEADER), streaming);
        if (fault.delayMillis() > 0) {
            stats.fault("latency");
            sleep(fault.delayMillis());
        }
        if (fault.fails()) {
            stats.fault(Integer.toString(fault.errorStatus()));
            throw FaultInjector.errorFor(fault);
        }
        return fault;
    }

    private int models(HttpExchange exchange, ApiRequest request, String rest, FaultDecision fault) throws IOException {
        if (rest.equals("models") || rest.equals("models/")) {
            requireMethod(request, "GET");
            sendJson(exchange, 200, catalog.list(request.queryParam("pageSize"), request.queryParam("pageToken")));
            return 200;
        }
        int colon = rest.indexOf(':');
        String name = colon < 0 ? rest : rest.substring(0, colon);
        if (colon < 0) {
            requireMethod(request, "GET");
            dev.tunegate.client.model.Model model = catalog.get(name);
            if (model == null) {
                throw modelNotFound(name);
            }
            sendJson(exchange, 200, model);
            return 200;
        }
        requireMethod(request, "POST");
        String method = rest.substring(colon + 1);
        boolean embedding = method.equals("embedContent") || method.equals("batchEmbedContents");
        if (embedding && name.contains("embedding")) { // as on the Gemini API, only embedding models embed
            EmbeddingRoutes embeddings = new EmbeddingRoutes(mapper);
            sendJson(
                    exchange,
                    200,
                    method.equals("embedContent")
                            ? embeddings.embedContent(request.body())
                            : embeddings.batchEmbedContents(name, request.body()));
            return 200;
        }
        ServedModel model = baseModels.get(name);
        if (model == null) {
            throw modelNotFound(name);
        }
        return generate(exchange, request, model, method, fault, null);
    }

    /** Answers a generate method of {@code model}; {@code vertex} is the Vertex route, or null on the Gemini API. */
    private int generate(
            HttpExchange exchange,
            ApiRequest request,
            ServedModel model,
            String method,
            FaultDecision fault,
            VertexRoute vertexRoute)
            throws IOException {
        switch (method) {
            case "generateContent": {
                Generation g = pipeline.generate(model, plan(request, vertexRoute));
                GenerateContentResponse response = g.response();
                if (vertexRoute != null) {
                    response = VertexResponses.of(response, response.responseId(), clock.instant());
                }
                sendJson(exchange, 200, response);
                return 200;
            }
            case "streamGenerateContent": {
                Generation g = pipeline.generate(model, plan(request, vertexRoute));
                List<GenerateContentResponse> chunks = g.chunks(chunkTokens);
                if (vertexRoute != null) {
                    Instant created = clock.instant();
                    String id = g.response().responseId();
                    chunks = chunks.stream()
                            .map(c -> VertexResponses.of(c, id, created))
                            .toList();
                }
                streams.write(exchange, request, chunks, fault);
                return 200;
            }
            case "countTokens": {
                return countTokens(exchange, request);
            }
            case "batchGenerateContent": {
                sendJson(exchange, 200, batches.create(model, request.body()));
                return 200;
            }
            default:
                throw ApiException.notFound("Unknown method :" + method + " on " + model.name()
                        + " (supported: generateContent, streamGenerateContent, countTokens, batchGenerateContent,"
                        + " embedContent, batchEmbedContents).");
        }
    }

    private GenerationPlan plan(ApiRequest request, VertexRoute vertexRoute) {
        GenerationPlan plan = reader.read(request.body());
        if (vertexRoute != null) {
            VertexApi.checkRoles(plan);
        }
        return plan;
    }

    private int countTokens(HttpExchange exchange, ApiRequest request) throws IOException {
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = mapper.readTree(request.body());
        } catch (IOException e) {
            body = null; // the reader below reports the syntax error
        }
        byte[] inner = request.body();
        if (body != null && body.has("generateContentRequest")) {
            inner = mapper.writeValueAsBytes(body.get("generateContentRequest"));
        } else if (body != null && body.has("generate_content_request")) {
            inner = mapper.writeValueAsBytes(body.get("generate_content_request"));
        }
        GenerationPlan plan = reader.read(inner);
        int total = 0;
        for (var c : plan.request().contents()) {
            for (var p : c.parts()) {
                total += p.text() != null
                        ? Tokenizer.get().count(p.text())
                        : p.inlineData() != null || p.fileData() != null ? GenerationPipeline.MEDIA_PART_TOKENS : 0;
            }
        }
        if (plan.request().systemInstruction() != null) {
            for (var p : plan.request().systemInstruction().parts()) {
                total += Tokenizer.get().count(p.text());
            }
        }
        sendJson(exchange, 200, Map.of("totalTokens", total));
        return 200;
    }

    private int admin(HttpExchange exchange, ApiRequest request) throws IOException {
        switch (request.path()) {
            case "/emulator/stats":
                requireMethod(request, "GET");
                sendJson(exchange, 200, stats.snapshot());
                return 200;
            case "/emulator/reset":
                requireMethod(request, "POST");
                stats.reset();
                faults.reset();
                pipeline.reset();
                sendJson(exchange, 200, Map.of("reset", true));
                return 200;
            case "/emulator/health":
                requireMethod(request, "GET");
                sendJson(exchange, 200, Map.of("status", "SERVING"));
                return 200;
            default:
                throw ApiException.notFound("Unknown admin endpoint " + request.path()
                        + " (GET /emulator/stats, POST /emulator/reset, GET /emulator/health).");
        }
    }

    private static ApiException modelNotFound(String name) {
        return ApiException.notFound(name + " is not found for API version v1beta, or is not supported for"
                + " generateContent. Call ListModels to see the list of available models and their supported methods.");
    }

    private static void requireMethod(ApiRequest request, String method) {
        if (!request.method().equals(method)) {
            throw ApiException.notFound(
                    "Method " + request.method() + " is not supported on " + request.path() + " (use " + method + ").");
        }
    }

    /** Counts the request once, before its answer is sent, so a client never sees stats lag behind. */
    private void record(int status) {
        Outcome outcome = CURRENT.get();
        if (!outcome.recorded) {
            outcome.recorded = true;
            stats.finished(outcome.endpoint, status);
        }
    }

    private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = pretty.writeValueAsBytes(body);
        record(status);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void sendError(HttpExchange exchange, ApiException e) {
        try {
            e.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            sendJson(exchange, e.httpStatus(), ErrorBody.of(e));
        } catch (IOException | RuntimeException ignored) {
            // headers already sent (e.g. mid-stream) or client gone: nothing more to say
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
