package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, tuned models, what they learned and their operations survive a restart. */
class TuningPersistenceTest {

    @TempDir
    Path dataDir;

    private GeminiEmulator start(long stepMillis) {
        return GeminiEmulator.builder()
                .port(0)
                .dataDir(dataDir)
                .tuningStepMillis(stepMillis)
                .build()
                .start();
    }

    @Test
    void aRestartRestoresModelsLearnedStateAndOperations() throws IOException {
        String operation;
        String answerBefore;
        JsonNode modelBefore;
        try (GeminiEmulator emulator = start(0)) {
            RawApi api = new RawApi(emulator.baseUrl());
            operation = api.post("/v1beta/tunedModels?tunedModelId=kept", RawApi.supportIntents())
                    .json()
                    .get("name")
                    .asText();
            assertThat(api.awaitDone(operation, Duration.ofSeconds(20))
                            .json()
                            .at("/response/state")
                            .asText())
                    .isEqualTo("ACTIVE");
            api.patch("/v1beta/tunedModels/kept?updateMask=description", "{\"description\":\"patched before\"}");
            answerBefore =
                    RawApi.text(api.post("/v1beta/tunedModels/kept:generateContent", RawApi.ask("I need a refund")));
            modelBefore = api.get("/v1beta/tunedModels/kept").json();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .contains("kept.json")
                    .noneMatch(name -> name.endsWith(".tmp"));
        }

        try (GeminiEmulator emulator = start(0)) {
            RawApi api = new RawApi(emulator.baseUrl());
            JsonNode modelAfter = api.get("/v1beta/tunedModels/kept").json();
            assertThat(modelAfter).isEqualTo(modelBefore);
            assertThat(modelAfter.get("description").asText()).isEqualTo("patched before");
            assertThat(RawApi.text(api.post("/v1beta/tunedModels/kept:generateContent", RawApi.ask("I need a refund"))))
                    .isEqualTo(answerBefore)
                    .isEqualTo("{\"intent\":\"refund\"}");
            JsonNode op = api.get("/v1beta/" + operation).json();
            assertThat(op.get("done").asBoolean()).isTrue();
            assertThat(op.at("/response/name").asText()).isEqualTo("tunedModels/kept");
            assertThat(api.get("/v1beta/tunedModels?filter=patched").json().get("tunedModels"))
                    .hasSize(1);

            assertThat(api.delete("/v1beta/tunedModels/kept").status()).isEqualTo(200);
        }
        try (GeminiEmulator emulator = start(0)) {
            assertThat(new RawApi(emulator.baseUrl())
                            .get("/v1beta/tunedModels/kept")
                            .status())
                    .isEqualTo(404);
        }
    }

    @Test
    void aStopBetweenSavingTheModelAndItsOperationIsRepairedOnRestart() throws IOException {
        String operation;
        try (GeminiEmulator emulator = start(0)) {
            RawApi api = new RawApi(emulator.baseUrl());
            operation = api.post("/v1beta/tunedModels?tunedModelId=half-saved", RawApi.supportIntents())
                    .json()
                    .get("name")
                    .asText();
            api.awaitDone(operation, Duration.ofSeconds(20));
        }
        Path opFile = dataDir.resolve(
                "operations/half-saved/" + operation.substring(operation.lastIndexOf('/') + 1) + ".json");
        ObjectNode running = (ObjectNode) RawApi.JSON.readTree(opFile.toFile());
        running.put("done", false);
        running.remove("response");
        Files.writeString(opFile, running.toString());

        try (GeminiEmulator emulator = start(0)) {
            JsonNode op =
                    new RawApi(emulator.baseUrl()).get("/v1beta/" + operation).json();
            assertThat(op.get("done").asBoolean()).isTrue();
            assertThat(op.at("/response/state").asText()).isEqualTo("ACTIVE");
            assertThat(op.at("/metadata/completedPercent").asDouble()).isEqualTo(100.0);
        }
    }

    @Test
    void aRunInterruptedByAStopIsMarkedFailedAfterTheRestart() throws InterruptedException {
        String operation;
        try (GeminiEmulator emulator = start(20)) {
            RawApi api = new RawApi(emulator.baseUrl());
            ObjectNode body = RawApi.supportIntents();
            body.with("tuningTask").with("hyperparameters").put("epochCount", 200);
            operation = api.post("/v1beta/tunedModels?tunedModelId=interrupted", body)
                    .json()
                    .get("name")
                    .asText();
            Thread.sleep(100);
            assertThat(api.get("/v1beta/tunedModels/interrupted")
                            .json()
                            .get("state")
                            .asText())
                    .isEqualTo("CREATING");
        }

        try (GeminiEmulator emulator = start(0)) {
            RawApi api = new RawApi(emulator.baseUrl());
            assertThat(api.get("/v1beta/tunedModels/interrupted")
                            .json()
                            .get("state")
                            .asText())
                    .isEqualTo("FAILED");
            JsonNode op = api.get("/v1beta/" + operation).json();
            assertThat(op.get("done").asBoolean()).isTrue();
            assertThat(op.at("/error/status").asText()).isEqualTo("ABORTED");
            assertThat(op.at("/error/message").asText()).contains("interrupted").contains("not resumed");
            assertThat(api.post("/v1beta/tunedModels/interrupted:generateContent", RawApi.ask("refund"))
                            .errorStatus())
                    .isEqualTo("FAILED_PRECONDITION");
        }
    }

    @Test
    void everyCorruptFileIsReportedInOneStartInPlainWords() throws IOException {
        Files.createDirectories(dataDir.resolve("tuned-models"));
        Files.createDirectories(dataDir.resolve("learned"));
        Files.createDirectories(dataDir.resolve("operations/m"));
        Files.writeString(dataDir.resolve("tuned-models/broken.json"), "{\"tunedModel\": {\"name\": ");
        Files.writeString(dataDir.resolve("tuned-models/wrong-type.json"), "{\"tunedModel\": [1, 2]}");
        Files.writeString(dataDir.resolve("tuned-models/empty-object.json"), "{}");
        Files.writeString(dataDir.resolve("learned/garbage.json"), "not json at all");
        Files.writeString(dataDir.resolve("operations/m/empty.json"), "");

        Throwable failure = catchThrowable(() -> start(0).close());

        assertThat(failure).isNotNull();
        String message = failure.getMessage();
        assertThat(message)
                .contains("holds 5 unreadable files")
                .contains("broken.json: the JSON ends too early")
                .contains("wrong-type.json: a value of the wrong type in field 'tunedModel'")
                .contains("empty-object.json")
                .contains("garbage.json: not valid JSON (line 1, column")
                .contains("empty.json: empty file")
                .doesNotContain("dev.tunegate")
                .doesNotContain("com.fasterxml")
                .doesNotContain("java.")
                .doesNotContain("Exception")
                .doesNotContain("`")
                .doesNotContain("[Source");
    }
}
