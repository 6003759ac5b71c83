package dev.tunegate.emulator.faults;

import dev.tunegate.emulator.http.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Decides the injected faults of each API request from the global {@link FaultPlan} and the request's
 * {@value #HEADER} header. The header is a comma-separated list of directives that override the plan
 * for that request: {@code 429}, {@code 500}, {@code 503} (fail with that status), {@code cut} or
 * {@code cut=N} (close a stream after N chunks, default half of them), {@code latency=MS}, {@code chunk-delay=MS},
 * {@code retry-after=S}, {@code none} (no random faults for this request), and {@code tuning-failure}
 * (on {@code tunedModels.create}: the tuning run fails half-way; see the tuning package).
 */
@API(status = API.Status.INTERNAL)
public final class FaultInjector {
    /** The per-request fault header. */
    public static final String HEADER = "x-tunegate-fault";

    private final FaultPlan plan;
    private final long defaultChunkDelayMillis;
    private SplittableRandom random;

    /** An injector for {@code plan}; {@code chunkDelayMillis} is the stream chunk delay without faults. */
    public FaultInjector(FaultPlan plan, long chunkDelayMillis) {
        this.plan = plan;
        this.defaultChunkDelayMillis = chunkDelayMillis;
        this.random = new SplittableRandom(plan.seed());
    }

    /** The global plan. */
    public FaultPlan plan() {
        return plan;
    }

    /** Restarts the seeded generator (used by {@code POST /emulator/reset}). */
    public synchronized void reset() {
        random = new SplittableRandom(plan.seed());
    }

    /**
     * The decision for one request.
     *
     * @param header    the {@value #HEADER} header value, or null
     * @param streaming whether the request is a stream (only streams can be cut)
     * @throws ApiException 400 INVALID_ARGUMENT when the header cannot be parsed
     */
    public FaultDecision decide(String header, boolean streaming) {
        double u;
        double cut;
        double jitter;
        synchronized (this) {
            u = random.nextDouble();
            cut = random.nextDouble();
            jitter = random.nextDouble();
        }
        long delay = plan.latencyMillis() + Math.round(jitter * plan.jitterMillis());
        int status = 0;
        if (u < plan.rate429()) {
            status = 429;
        } else if (u < plan.rate429() + plan.rate500()) {
            status = 500;
        } else if (u < plan.rate429() + plan.rate500() + plan.rate503()) {
            status = 503;
        }
        int cutAfter = streaming && cut < plan.cutStreamRate() ? FaultDecision.MIDWAY : -1;
        int retryAfter = plan.retryAfterSeconds();
        long chunkDelay = defaultChunkDelayMillis;
        if (header != null && !header.isBlank()) {
            for (String raw : header.split(",")) {
                String directive = raw.strip().toLowerCase(Locale.ROOT);
                if (directive.isEmpty()) {
                    continue;
                }
                String key = directive;
                String value = null;
                int eq = directive.indexOf('=');
                if (eq >= 0) {
                    key = directive.substring(0, eq).strip();
                    value = directive.substring(eq + 1).strip();
                }
                switch (key) {
                    case "none" -> {
                        status = 0;
                        cutAfter = -1;
                        delay = 0;
                    }
                    case "429", "500", "503" -> status = Integer.parseInt(key);
                    case "cut" -> cutAfter = value == null ? FaultDecision.MIDWAY : number(header, value);
                    case "latency" -> delay = number(header, value);
                    case "chunk-delay" -> chunkDelay = number(header, value);
                    case "retry-after" -> retryAfter = number(header, value);
                    case "tuning-failure" -> {} // on tunedModels.create: handled by the tuning service
                    default ->
                        throw ApiException.invalidArgument(
                                HEADER,
                                "Invalid " + HEADER + " directive '" + key
                                        + "': expected 429, 500, 503, cut[=N], latency=MS, chunk-delay=MS, retry-after=S, tuning-failure or none");
                }
            }
            if (!streaming) {
                cutAfter = -1;
            }
        }
        return new FaultDecision(delay, status, retryAfter, cutAfter, chunkDelay);
    }

    private static int number(String header, String value) {
        try {
            int n = value == null ? -1 : Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.invalidArgument(
                    HEADER,
                    "Invalid " + HEADER + " value in '" + header + "': a directive needs a non-negative integer");
        }
    }

    /** The error an injected status produces (429 with Retry-After and RetryInfo). */
    public static ApiException errorFor(FaultDecision decision) {
        return switch (decision.errorStatus()) {
            case 429 -> {
                Map<String, Object> retryInfo = new LinkedHashMap<>();
                retryInfo.put("@type", "type.googleapis.com/google.rpc.RetryInfo");
                retryInfo.put("retryDelay", decision.retryAfterSeconds() + "s");
                List<Map<String, Object>> details = new ArrayList<>();
                details.add(retryInfo);
                yield new ApiException(
                        429,
                        "RESOURCE_EXHAUSTED",
                        "Resource has been exhausted (e.g. check quota). [injected by the TuneGate emulator]",
                        details,
                        Map.of("Retry-After", Integer.toString(decision.retryAfterSeconds())));
            }
            case 500 ->
                new ApiException(
                        500,
                        "INTERNAL",
                        "An internal error has occurred. Please retry. [injected by the TuneGate emulator]",
                        null,
                        null);
            case 503 ->
                new ApiException(
                        503,
                        "UNAVAILABLE",
                        "The model is overloaded. Please try again later. [injected by the TuneGate emulator]",
                        null,
                        null);
            default -> throw new IllegalArgumentException("not an injected status: " + decision.errorStatus());
        };
    }
}
