package dev.tunegate.emulator;

import dev.tunegate.emulator.faults.FaultPlan;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apiguardian.api.API;

/**
 * Runs the emulator from the command line ({@code java -jar tunegate-emulator.jar --port 8089}) and
 * prints the base URL once it is ready. Options are listed by {@code --help}.
 */
@API(status = API.Status.STABLE)
public final class EmulatorMain {
    static final String USAGE = String.join(
            "\n",
            "Usage: java -jar tunegate-emulator.jar [options]",
            "  --port N                 port to listen on (default 8089; 0 = a free port)",
            "  --host H                 interface to bind (default 127.0.0.1)",
            "  --data-dir DIR           directory where tuned models persist (default ./.tunegate-emulator)",
            "  --in-memory              keep tuned models in memory only (nothing survives a restart)",
            "  --gcs-dir DIR            Cloud Storage: gs://BUCKET/OBJECT is the file DIR/BUCKET/OBJECT",
            "                           (default DATA-DIR/gcs; with --in-memory a temporary directory)",
            "  --latency-ms MS          fixed latency added to every API request",
            "  --jitter-ms MS           extra random latency in [0, MS]",
            "  --require-api-key KEY    require this key (x-goog-api-key header or ?key=)",
            "  --require-api-key-env V  require the key held by environment variable V (keeps it out of ps)",
            "  --require-bearer TOKEN   Vertex AI surface: require this OAuth token (Authorization: Bearer)",
            "  --require-bearer-env V   same, token held by environment variable V",
            "  --deploy ID=MODEL        Vertex AI endpoint ID serves MODEL (models/M or tunedModels/T; repeatable)",
            "  --rate-429 P             share of requests answered 429 RESOURCE_EXHAUSTED (0..1)",
            "  --rate-500 P             share answered 500 INTERNAL",
            "  --rate-503 P             share answered 503 UNAVAILABLE",
            "  --cut-stream-rate P      share of streams cut mid-way",
            "  --retry-after S          Retry-After seconds announced with 429 (default 1)",
            "  --fault-seed N           seed of the fault generator (default 42)",
            "  --seed N                 seed of sampling above temperature 0 (default 42)",
            "  --chunk-tokens N         tokens per stream chunk (default 8)",
            "  --chunk-delay-ms MS      delay between stream chunks",
            "  --behaviour FILE         behaviour file with scripted rules (repeatable)",
            "  --safety-lexicon FILE    replace the bundled safety lexicon",
            "  --models A,B,...         base models to serve (default: the built-in list)",
            "  --threads N              requests handled at once (default 512)",
            "  --max-connections N      connections whose request is being read at once (default 2048)",
            "  --idle-timeout D         close a connection whose request stalls this long, ISO-8601 (default PT10S)",
            "  --tuning-step-ms MS      simulated duration of one tuning step (default 20)",
            "  --help                   print this help");

    private EmulatorMain() {}

    /** Entry point of the runnable jar. */
    public static void main(String[] args) throws InterruptedException {
        GeminiEmulator emulator;
        try {
            emulator = configure(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("tunegate-emulator: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (emulator == null) {
            return;
        }
        try {
            emulator.start();
        } catch (RuntimeException e) {
            System.err.println("tunegate-emulator: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            emulator.close();
                            stopped.countDown();
                        },
                        "tunegate-emulator-shutdown"));
        System.out.println("TuneGate Gemini emulator listening on " + emulator.baseUrl());
        System.out.flush();
        stopped.await();
    }

    /** Where the standalone emulator keeps tuned models unless told otherwise. */
    static final Path DEFAULT_DATA_DIR = Path.of(".tunegate-emulator");

    /** The emulator configured by {@code args}, or null after printing help. */
    static GeminiEmulator configure(String[] args, PrintStream out) {
        GeminiEmulator.Builder b = GeminiEmulator.builder().port(8089).dataDir(DEFAULT_DATA_DIR);
        FaultPlan plan = FaultPlan.NONE;
        List<String> list = Arrays.asList(args);
        for (int i = 0; i < list.size(); i++) {
            String flag = list.get(i);
            String value = null;
            int eq = flag.indexOf('=');
            if (flag.startsWith("--") && eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                out.println(USAGE);
                return null;
            }
            if (flag.equals("--in-memory")) {
                b.dataDir(null);
                continue;
            }
            if (value == null) {
                if (i + 1 >= list.size()) {
                    throw new IllegalArgumentException("option " + flag + " needs a value");
                }
                value = list.get(++i);
            }
            switch (flag) {
                case "--port" -> b.port(integer(flag, value));
                case "--host" -> b.host(value);
                case "--data-dir" -> b.dataDir(Path.of(value));
                case "--gcs-dir" -> b.gcsDir(Path.of(value));
                case "--latency-ms" -> plan = plan.withLatency(integer(flag, value), plan.jitterMillis());
                case "--jitter-ms" -> plan = plan.withLatency(plan.latencyMillis(), integer(flag, value));
                case "--require-api-key" -> b.requireApiKey(value);
                case "--require-api-key-env" -> {
                    String key = System.getenv(value);
                    if (key == null || key.isEmpty()) {
                        throw new IllegalArgumentException("environment variable " + value + " is not set");
                    }
                    b.requireApiKey(key);
                }
                case "--require-bearer" -> b.requireBearer(value);
                case "--require-bearer-env" -> {
                    String token = System.getenv(value);
                    if (token == null || token.isEmpty()) {
                        throw new IllegalArgumentException("environment variable " + value + " is not set");
                    }
                    b.requireBearer(token);
                }
                case "--deploy" -> {
                    Map<String, String> deployed = new LinkedHashMap<>();
                    Deployments.parse(value, deployed);
                    deployed.forEach(b::deploy);
                }
                case "--rate-429" -> plan = plan.withErrorRates(rate(flag, value), plan.rate500(), plan.rate503());
                case "--rate-500" -> plan = plan.withErrorRates(plan.rate429(), rate(flag, value), plan.rate503());
                case "--rate-503" -> plan = plan.withErrorRates(plan.rate429(), plan.rate500(), rate(flag, value));
                case "--cut-stream-rate" -> plan = plan.withCutStreamRate(rate(flag, value));
                case "--retry-after" -> plan = plan.withRetryAfterSeconds(integer(flag, value));
                case "--fault-seed" -> plan = plan.withSeed(Long.parseLong(value));
                case "--seed" -> b.seed(longValue(flag, value));
                case "--chunk-tokens" -> b.streamChunkTokens(integer(flag, value));
                case "--chunk-delay-ms" -> b.streamChunkDelay(Duration.ofMillis(integer(flag, value)));
                case "--behaviour", "--behavior" -> b.behaviourFile(Path.of(value));
                case "--safety-lexicon" -> b.safetyLexicon(Path.of(value));
                case "--models" -> b.models(Arrays.asList(value.split("\\s*,\\s*")));
                case "--threads" -> b.threads(integer(flag, value));
                case "--max-connections" -> b.maxConnections(integer(flag, value));
                case "--idle-timeout" -> b.idleTimeout(duration(flag, value));
                case "--tuning-step-ms" -> b.tuningStepMillis(integer(flag, value));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return b.faults(plan).build();
    }

    private static int integer(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a non-negative integer, got '" + value + "'");
        }
    }

    private static Duration duration(String flag, String value) {
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException();
            }
            return d;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    flag + " needs a positive ISO-8601 duration such as PT30S or PT0.5S, got '" + value + "'");
        }
    }

    private static long longValue(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs an integer, got '" + value + "'");
        }
    }

    private static double rate(String flag, String value) {
        try {
            double d = Double.parseDouble(value);
            if (!(d >= 0 && d <= 1)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a probability in [0, 1], got '" + value + "'");
        }
    }
}
