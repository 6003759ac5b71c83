package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tune --vertex} and {@code checkpoints} against a scripted Vertex AI and Cloud Storage server on loopback:
 * what is uploaded and sent, the per-epoch progress lines, the checkpoint table, and the exit codes.
 */
class VertexTuneCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARENT = "projects/demo/locations/us-central1";
    private static final String JOB = PARENT + "/tuningJobs/7";
    private static final String TRAIN = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"Where is my"
            + " parcel?\"}]},{\"role\":\"model\",\"parts\":[{\"text\":\"{\\\"intent\\\":\\\"tracking\\\"}\"}]}]}\n"
            + "{\"systemInstruction\":{\"parts\":[{\"text\":\"JSON only\"}]},\"contents\":[{\"role\":\"user\","
            + "\"parts\":[{\"text\":\"Refund please\"}]},{\"role\":\"model\",\"parts\":[{\"text\":"
            + "\"{\\\"intent\\\":\\\"refund\\\"}\"}]}]}\n";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final Deque<String> jobReads = new ArrayDeque<>();

    private static String checkpoint(int epoch) {
        return "{\"checkpointId\":\"" + epoch + "\",\"epoch\":\"" + epoch + "\",\"step\":\"" + epoch * 10
                + "\",\"endpoint\":\"" + PARENT + "/endpoints/ep" + epoch + "\"}";
    }

    private static String job(String state, int checkpoints, String extra) {
        StringBuilder c = new StringBuilder();
        for (int i = 1; i <= checkpoints; i++) {
            c.append(i == 1 ? "" : ",").append(checkpoint(i));
        }
        String model = checkpoints == 0
                ? ""
                : ",\"tunedModel\":{\"model\":\"" + PARENT + "/models/55@1\",\"endpoint\":\"" + PARENT + "/endpoints/ep"
                        + checkpoints + "\",\"checkpoints\":[" + c + "]}";
        return "{\"name\":\"" + JOB + "\",\"state\":\"" + state + "\",\"baseModel\":\"gemini-2.5-flash\"" + model
                + extra + "}";
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String line =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null
                                ? ""
                                : "?" + exchange.getRequestURI().getRawQuery());
        requests.add(line);
        bodies.add(body);
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/upload/storage/v1/b/stage/o")) {
            String name = exchange.getRequestURI().getQuery().replaceFirst(".*name=", "");
            respond(
                    exchange,
                    200,
                    "{\"bucket\":\"stage\",\"name\":\"" + name + "\",\"size\":\"" + body.length() + "\"}");
        } else if (line.equals("POST /v1/" + PARENT + "/tuningJobs")) {
            respond(exchange, 200, job("JOB_STATE_PENDING", 0, ""));
        } else if (line.equals("GET /v1/" + JOB) && !jobReads.isEmpty()) {
            respond(exchange, 200, jobReads.size() > 1 ? jobReads.poll() : jobReads.peek());
        } else {
            respond(
                    exchange,
                    404,
                    "{\"error\":{\"code\":404,\"message\":\"no such resource\",\"status\":\"NOT_FOUND\"}}");
        }
    }

    private static void respond(HttpExchange exchange, int code, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Path train(String content) throws IOException {
        return Files.writeString(dir.resolve("train.jsonl"), content);
    }

    private Cli.Result tune(Path data, String... more) {
        return tune(data.toString(), more);
    }

    private Cli.Result tune(String data, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "tune",
                "--vertex",
                "--endpoint",
                endpoint(),
                "--project",
                "demo",
                "--data",
                data,
                "--base-model",
                "gemini-2.5-flash"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aLocalFileIsUploadedTheJobCreatedAndFollowedEpochByEpochToItsCheckpoints() throws IOException {
        jobReads.add(job("JOB_STATE_RUNNING", 1, ""));
        jobReads.add(job("JOB_STATE_RUNNING", 2, ""));
        jobReads.add(job("JOB_STATE_SUCCEEDED", 3, ""));
        Cli.Result result = tune(
                train(TRAIN),
                "--staging-bucket",
                "gs://stage",
                "--display-name",
                "support-bot",
                "--epochs",
                "3",
                "--adapter-size",
                "four",
                "--learning-rate-multiplier",
                "0.5",
                "--label",
                "team=support");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(requests.get(0))
                .matches("POST /upload/storage/v1/b/stage/o\\?uploadType=media&name=tunegate%2Fstaging%2F[0-9a-f]{16}"
                        + "-train.jsonl");
        assertThat(bodies.get(0)).isEqualTo(TRAIN);
        assertThat(requests.get(1)).isEqualTo("POST /v1/" + PARENT + "/tuningJobs");
        JsonNode created = JSON.readTree(bodies.get(1));
        assertThat(created.path("supervisedTuningSpec")
                        .path("trainingDatasetUri")
                        .asText())
                .matches("gs://stage/tunegate/staging/[0-9a-f]{16}-train.jsonl");
        assertThat(created.path("supervisedTuningSpec").path("hyperParameters"))
                .isEqualTo(JSON.readTree(
                        "{\"epochCount\":3,\"learningRateMultiplier\":0.5,\"adapterSize\":\"ADAPTER_SIZE_FOUR\"}"));
        assertThat(created.path("tunedModelDisplayName").asText()).isEqualTo("support-bot");
        assertThat(created.path("labels")).isEqualTo(JSON.readTree("{\"team\":\"support\"}"));
        assertThat(result.out())
                .containsPattern("Uploaded .*train.jsonl to gs://stage/tunegate/staging/[0-9a-f]{16}-train.jsonl")
                .contains("Tuning job " + JOB + ": gemini-2.5-flash on gs://stage/")
                .contains("is JOB_STATE_PENDING")
                .contains("  JOB_STATE_RUNNING")
                .contains("  epoch 1 of 3: checkpoint 1 at step 10")
                .contains("  epoch 2 of 3: checkpoint 2 at step 20")
                .contains("  epoch 3 of 3: checkpoint 3 at step 30")
                .containsPattern("CHECKPOINT\\s+EPOCH\\s+STEP\\s+ENDPOINT\\s+DEFAULT")
                .containsPattern("1\\s+1\\s+10\\s+" + PARENT + "/endpoints/ep1\\n")
                .containsPattern("3\\s+3\\s+30\\s+" + PARENT + "/endpoints/ep3\\s+default")
                .contains("Tuning job " + JOB + " is JOB_STATE_SUCCEEDED: tuned model " + PARENT + "/models/55@1");
    }

    @Test
    void aBadTrainingLineIsAFileLineErrorBeforeAnyRequest() throws IOException {
        Path data = train(TRAIN + "{\"contents\":[{\"role\":\"assistant\",\"parts\":[]}]}\n");
        Cli.Result result = tune(data, "--staging-bucket", "stage");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("train.jsonl:3:1: a Vertex AI tuning example has contents[0] with role 'assistant'")
                .doesNotContain("train.jsonl:1:")
                .doesNotContain("train.jsonl:2:");
        assertThat(requests).isEmpty();
    }

    @Test
    void aLocalFileNeedsAStagingBucketAndAGsUriIsPassedThrough() throws IOException {
        Cli.Result missing = tune(train(TRAIN));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err())
                .contains("is a local file: name the Cloud Storage bucket")
                .contains("--staging-bucket");
        assertThat(requests).isEmpty();

        jobReads.add(job("JOB_STATE_SUCCEEDED", 1, ""));
        Cli.Result gs = tune("gs://b/train.jsonl");
        assertThat(gs.exitCode()).as(gs.toString()).isZero();
        assertThat(requests.get(0)).isEqualTo("POST /v1/" + PARENT + "/tuningJobs");
        assertThat(bodies.get(0)).contains("\"trainingDatasetUri\":\"gs://b/train.jsonl\"");
    }

    @Test
    void aFailedJobExitsWith3AndSaysWhy() throws IOException {
        jobReads.add(job("JOB_STATE_FAILED", 0, ",\"error\":{\"code\":13,\"message\":\"internal training error\"}"));
        Cli.Result result = tune(train(TRAIN), "--staging-bucket", "stage");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(result.err()).contains("Tuning job " + JOB + " ended JOB_STATE_FAILED: internal training error");
    }

    @Test
    void vertexOptionsWithoutVertexAreAUsageError() throws IOException {
        Cli.Result result = Cli.run(
                "tune",
                "--endpoint",
                endpoint(),
                "--data",
                train(TRAIN).toString(),
                "--base-model",
                "m",
                "--staging-bucket",
                "stage");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("need --vertex");
    }

    @Test
    void checkpointsListsEveryCheckpointWithItsEndpointAndTheDefault() throws IOException {
        jobReads.add(job("JOB_STATE_SUCCEEDED", 3, ""));
        Cli.Result table = Cli.run("checkpoints", "--endpoint", endpoint(), "--project", "demo", "7");
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(requests).containsExactly("GET /v1/" + JOB);
        assertThat(table.out())
                .contains("Tuning job " + JOB + " is JOB_STATE_SUCCEEDED")
                .contains("Tuned model " + PARENT + "/models/55@1, default endpoint " + PARENT + "/endpoints/ep3")
                .containsPattern("2\\s+2\\s+20\\s+" + PARENT + "/endpoints/ep2\\n")
                .containsPattern("3\\s+3\\s+30\\s+" + PARENT + "/endpoints/ep3\\s+default");

        Cli.Result json = Cli.run("checkpoints", "--endpoint", endpoint(), JOB, "--json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode tree = JSON.readTree(json.out());
        assertThat(tree.path("tuningJob").asText()).isEqualTo(JOB);
        assertThat(tree.path("checkpoints")).hasSize(3);
        assertThat(tree.path("checkpoints").get(2))
                .isEqualTo(JSON.readTree("{\"checkpointId\":\"3\",\"epoch\":3,\"step\":30,\"endpoint\":\"" + PARENT
                        + "/endpoints/ep3\",\"default\":true}"));
        assertThat(tree.path("checkpoints").get(0).path("default").asBoolean()).isFalse();
    }

    @Test
    void checkpointsOfAMissingJobExitWith2AndTheStatus() {
        Cli.Result result = Cli.run("checkpoints", "--endpoint", endpoint(), PARENT + "/tuningJobs/nope");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("HTTP 404 NOT_FOUND: no such resource");
        Cli.Result noProject = Cli.run("checkpoints", "--endpoint", endpoint(), "7");
        assertThat(noProject.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noProject.err()).contains("--project");
    }
}
