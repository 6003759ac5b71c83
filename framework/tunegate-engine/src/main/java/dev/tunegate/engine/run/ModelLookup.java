package dev.tunegate.engine.run;

import dev.tunegate.client.GeminiApiException;
import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.RetryPolicy;
import dev.tunegate.emulator.BuiltInModels;
import dev.tunegate.engine.config.TuneGateConfiguration;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Asks the backend whether a model exists before anything runs, where that is cheap: the embedded
 * emulator's built-in base models, or one {@code models.get} / {@code tunedModels.get} (one attempt,
 * short timeout) against a live endpoint. Replay and auto modes ask nothing (they must work without the
 * network), and neither does the embedded emulator about tuned models (a suite's {@code tune:} block may
 * create them during the run). Models a live endpoint confirmed are remembered for the JVM, since build
 * tools discover more than once. A live endpoint's HTTP 404 counts as "missing" only when the endpoint serves
 * the matching list call ({@code models.list} / {@code tunedModels.list}, asked once): a server that has no
 * model lookup at all (a proxy, a test double that only answers {@code generateContent}) answers 404 to
 * every lookup, and its models are then left for the run to find out.
 */
@API(status = API.Status.INTERNAL)
public final class ModelLookup implements AutoCloseable {

    /** What the backend said about a model. */
    public enum Kind {
        /** It exists. */
        EXISTS,
        /** The backend does not know it (HTTP 404, or not among the embedded emulator's models). */
        MISSING,
        /** The backend refused to answer (HTTP 401 or 403): the key or credentials are wrong. */
        REJECTED,
        /** Not asked, or no usable answer (unreachable, 5xx, ...): the run will find out. */
        UNKNOWN
    }

    /**
     * An answer and its detail: for MISSING, what the backend knows; for REJECTED, the HTTP error.
     *
     * @param kind   the answer
     * @param detail what to tell the user, or empty
     * @param known  for MISSING at the embedded emulator, the models it has (for "did you mean"); else empty
     */
    public record Answer(Kind kind, String detail, List<String> known) {

        public Answer {
            known = List.copyOf(known);
        }

        Answer(Kind kind, String detail) {
            this(kind, detail, List.of());
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> CONFIRMED = ConcurrentHashMap.newKeySet();
    private static final Answer UNKNOWN = new Answer(Kind.UNKNOWN, "");

    private final String where;
    private final List<String> builtIn;
    private final URI endpoint;
    private final String apiKeyEnv;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Boolean> listable = new ConcurrentHashMap<>();
    private GeminiClient client;

    private ModelLookup(String where, List<String> builtIn, URI endpoint, String apiKeyEnv) {
        this.where = where;
        this.builtIn = builtIn;
        this.endpoint = endpoint;
        this.apiKeyEnv = apiKeyEnv;
    }

    /** Asks nothing: every model is {@link Kind#UNKNOWN}. */
    public static ModelLookup none() {
        return new ModelLookup("", null, null, null);
    }

    /** The lookup for the endpoint and mode of {@code config}. */
    public static ModelLookup of(TuneGateConfiguration config) {
        if (config.mode().replays()) {
            return none();
        }
        if (config.embedded()) {
            return new ModelLookup("the embedded emulator", BuiltInModels.names(), null, null);
        }
        return new ModelLookup(
                "tunegate.endpoint " + config.endpoint().get(),
                null,
                config.endpoint().get(),
                config.apiKeyEnv());
    }

    /** The backend, for messages: {@code the embedded emulator} or {@code tunegate.endpoint <url>}. */
    public String where() {
        return where;
    }

    /** What the backend says about {@code model} (a {@code models/…} or {@code tunedModels/…} name). */
    public Answer check(String model) {
        if (builtIn != null) {
            if (!model.startsWith("models/") || builtIn.contains(model)) {
                return UNKNOWN;
            }
            return new Answer(Kind.MISSING, "its models are " + String.join(", ", builtIn), builtIn);
        }
        if (endpoint == null || CONFIRMED.contains(endpoint + " " + model)) {
            return endpoint == null ? UNKNOWN : new Answer(Kind.EXISTS, "");
        }
        return answers.computeIfAbsent(model, this::ask);
    }

    private Answer ask(String model) {
        try {
            if (model.startsWith("tunedModels/")) {
                client().getTunedModel(model);
            } else if (model.startsWith("models/")) {
                client().getModel(model);
            } else {
                return UNKNOWN;
            }
            CONFIRMED.add(endpoint + " " + model);
            return new Answer(Kind.EXISTS, "");
        } catch (GeminiApiException e) {
            return switch (e.httpStatus()) {
                case 404 -> servesLookups(model) ? new Answer(Kind.MISSING, e.getMessage()) : UNKNOWN;
                case 401, 403 -> new Answer(Kind.REJECTED, e.getMessage());
                default -> UNKNOWN;
            };
        } catch (RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** Whether the endpoint answers the list call of {@code model}'s collection, asked once per collection. */
    private boolean servesLookups(String model) {
        boolean tuned = model.startsWith("tunedModels/");
        return listable.computeIfAbsent(tuned ? "tunedModels" : "models", collection -> {
            try {
                if (tuned) {
                    client().listTunedModels(1, null, null);
                } else {
                    client().listModels(1, null);
                }
                return true;
            } catch (GeminiApiException e) {
                return e.httpStatus() != 404 && e.httpStatus() != 405 && e.httpStatus() != 501;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    private synchronized GeminiClient client() {
        if (client == null) {
            client = GeminiClient.builder()
                    .baseUrl(endpoint.toString())
                    .apiKeyEnv(apiKeyEnv)
                    .connectTimeout(TIMEOUT)
                    .readTimeout(TIMEOUT)
                    .callTimeout(TIMEOUT)
                    .retryPolicy(RetryPolicy.defaults().withMaxAttempts(1))
                    .build();
        }
        return client;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
