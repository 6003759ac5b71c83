package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vertex AI supervised tuning jobs on the emulator, over raw HTTP: create from a {@code gs://} JSONL
 * dataset, the job's states and times, one checkpoint per epoch each deployed to its own endpoint that
 * answers from what was learned at that epoch, the tuned model's {@code models.get}, list paging,
 * cancel, injected failures, and 400s naming the field for broken requests.
 */
class VertexTuningServiceTest {
    static final String PARENT = "projects/demo/locations/us-central1";
    static final String V1 = "/v1/" + PARENT + "/";

    @TempDir
    static Path gcs;

    private static GeminiEmulator emulator;
    private static RawApi api;

    @BeforeAll
    static void start() throws Exception {
        emulator = GeminiEmulator.builder()
                .port(0)
                .tuningStepMillis(0)
                .gcsDir(gcs)
                .build()
                .start();
        api = new RawApi(emulator.baseUrl());
        RawApi.Response upload = api.send(
                "POST",
                "/upload/storage/v1/b/tuning-data/o?uploadType=media&name=support.jsonl",
                supportJsonl(),
                "Authorization",
                "Bearer any");
        assertThat(upload.status()).as(upload.json().toString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** The support-intents examples as Vertex Gemini JSONL. */
    static String supportJsonl() {
        StringBuilder jsonl = new StringBuilder();
        for (JsonNode e : RawApi.supportIntents().at("/tuningTask/trainingData/examples/examples")) {
            ObjectNode line = RawApi.JSON.createObjectNode();
            var contents = line.putArray("contents");
            contents.addObject()
                    .put("role", "user")
                    .putArray("parts")
                    .addObject()
                    .put("text", e.get("textInput").asText());
            contents.addObject()
                    .put("role", "model")
                    .putArray("parts")
                    .addObject()
                    .put("text", e.get("output").asText());
            jsonl.append(line).append('\n');
        }
        return jsonl.toString();
    }

    static ObjectNode job(String datasetUri, int epochs) {
        ObjectNode body = RawApi.JSON.createObjectNode();
        body.put("baseModel", "gemini-2.5-flash");
        ObjectNode spec = body.putObject("supervisedTuningSpec");
        spec.put("trainingDatasetUri", datasetUri);
        spec.putObject("hyperParameters")
                .put("epochCount", epochs)
                .put("learningRateMultiplier", 1.0)
                .put("adapterSize", "ADAPTER_SIZE_FOUR");
        body.put("tunedModelDisplayName", "support intents");
        body.putObject("labels").put("tunegate-hash", "abc123");
        return body;
    }

    static JsonNode awaitEnd(RawApi api, String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            RawApi.Response r = api.get("/v1beta1/" + name);
            assertThat(r.status()).as(r.json().toString()).isEqualTo(200);
            String state = r.json().path("state").asText();
            if (!state.equals("JOB_STATE_PENDING") && !state.equals("JOB_STATE_RUNNING")) {
                return r.json();
            }
            assertThat(System.nanoTime()).as("job still " + state).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aJobTrainsOneCheckpointPerEpochEachOnItsOwnEndpoint() throws Exception {
        RawApi.Response created = api.post(V1 + "tuningJobs", job("gs://tuning-data/support.jsonl", 4));
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
        JsonNode first = created.json();
        assertThat(first.path("name").asText()).matches(PARENT + "/tuningJobs/[1-9][0-9]{18}");
        assertThat(first.path("state").asText()).isEqualTo("JOB_STATE_PENDING");
        assertThat(first.has("createTime")).isTrue();
        assertThat(first.has("tunedModel")).isFalse();
        assertThat(first.at("/supervisedTuningSpec/hyperParameters/epochCount").asText())
                .isEqualTo("4");

        JsonNode job = awaitEnd(api, first.path("name").asText(), Duration.ofSeconds(30));
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("JOB_STATE_SUCCEEDED");
        assertThat(job.path("startTime").asText()).isNotEmpty();
        assertThat(job.path("endTime").asText()).isNotEmpty();
        assertThat(job.has("error")).isFalse();
        assertThat(job.at("/labels/tunegate-hash").asText()).isEqualTo("abc123");
        assertThat(job.at("/tuningDataStats/supervisedTuningDataStats/tuningDatasetExampleCount")
                        .asText())
                .isEqualTo("20");
        // 20 examples, batch size 4: 5 steps per epoch
        assertThat(job.at("/tuningDataStats/supervisedTuningDataStats/tuningStepCount")
                        .asText())
                .isEqualTo("20");
        JsonNode checkpoints = job.at("/tunedModel/checkpoints");
        assertThat(checkpoints).hasSize(4);
        Set<String> endpoints = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            JsonNode c = checkpoints.get(i);
            assertThat(c.path("checkpointId").asText()).isEqualTo(Integer.toString(i + 1));
            assertThat(c.path("epoch").asText()).isEqualTo(Integer.toString(i + 1));
            assertThat(c.path("step").asText()).isEqualTo(Integer.toString(5 * (i + 1)));
            assertThat(c.path("endpoint").asText()).startsWith(PARENT + "/endpoints/");
            endpoints.add(c.path("endpoint").asText());
        }
        assertThat(endpoints).as("one endpoint per checkpoint").hasSize(4);
        assertThat(job.at("/tunedModel/endpoint").asText())
                .as("the default checkpoint is the last")
                .isEqualTo(checkpoints.get(3).path("endpoint").asText());

        List<String> refundAnswers = new ArrayList<>();
        for (JsonNode c : checkpoints) {
            RawApi.Response answer = api.post(
                    "/v1beta1/" + c.path("endpoint").asText() + ":generateContent", RawApi.ask("I need a refund"));
            assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
            refundAnswers.add(RawApi.text(answer));
        }
        assertThat(refundAnswers.get(3)).isEqualTo("{\"intent\":\"refund\"}");
        assertThat(refundAnswers.get(0))
                .as("after one epoch it has not learned it yet")
                .isNotEqualTo(refundAnswers.get(3));

        String model = job.at("/tunedModel/model").asText();
        assertThat(model).matches(PARENT + "/models/[0-9]+@1");
        RawApi.Response got = api.get("/v1beta1/" + model);
        assertThat(got.status()).as(got.json().toString()).isEqualTo(200);
        JsonNode m = got.json();
        assertThat(m.path("name").asText()).isEqualTo(model.substring(0, model.indexOf('@')));
        assertThat(m.path("versionId").asText()).isEqualTo("1");
        assertThat(m.path("displayName").asText()).isEqualTo("support intents");
        assertThat(m.path("defaultCheckpointId").asText()).isEqualTo("4");
        assertThat(m.path("checkpoints")).hasSize(4);
        assertThat(m.at("/checkpoints/1/epoch").asText()).isEqualTo("2");
        assertThat(m.path("deployedModels")).hasSize(4);
        assertThat(m.at("/deployedModels/2/endpoint").asText())
                .isEqualTo(checkpoints.get(2).path("endpoint").asText());
        assertThat(m.at("/deployedModels/2/checkpointId").asText()).isEqualTo("3");
        assertThat(m.at("/labels/google-vertex-llm-tuning-base-model-id").asText())
                .isEqualTo("gemini-2.5-flash");

        RawApi.Response endpoint =
                api.get("/v1/" + checkpoints.get(1).path("endpoint").asText());
        assertThat(endpoint.status()).as(endpoint.json().toString()).isEqualTo(200);
        assertThat(endpoint.json().at("/deployedModels/0/model").asText()).isEqualTo(model);
        assertThat(endpoint.json().at("/deployedModels/0/checkpointId").asText())
                .isEqualTo("2");

        assertThat(api.get("/v1beta1/" + model.replace("@1", "@2")).status()).isEqualTo(404);
        assertThat(api.get("/v1/projects/other/locations/us-central1/tuningJobs/"
                                + first.path("name")
                                        .asText()
                                        .substring(first.path("name").asText().lastIndexOf('/') + 1))
                        .status())
                .as("another project does not see the job")
                .isEqualTo(404);
    }

    @Test
    void listPagesWithoutATokenOnTheLastPage() throws Exception {
        String parent = "/v1/projects/paging/locations/europe-west4/tuningJobs";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RawApi.Response created = api.post(parent, job("gs://tuning-data/support.jsonl", 1));
            assertThat(created.status()).isEqualTo(200);
            names.add(created.json().path("name").asText());
        }
        for (String name : names) {
            awaitEnd(api, name, Duration.ofSeconds(30));
        }
        RawApi.Response page1 = api.get(parent + "?pageSize=2");
        assertThat(page1.json().path("tuningJobs")).hasSize(2);
        String token = page1.json().path("nextPageToken").asText();
        assertThat(token).isNotEmpty();
        RawApi.Response page2 = api.get(parent + "?pageSize=2&pageToken=" + token);
        assertThat(page2.json().path("tuningJobs")).hasSize(1);
        assertThat(page2.json().has("nextPageToken")).isFalse();
        List<String> listed = new ArrayList<>();
        page1.json().path("tuningJobs").forEach(j -> listed.add(j.path("name").asText()));
        page2.json().path("tuningJobs").forEach(j -> listed.add(j.path("name").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(names);
        assertThat(api.get(parent + "?pageToken=garbage").status()).isEqualTo(400);
        assertThat(api.get("/v1/projects/empty/locations/x/tuningJobs").json().has("nextPageToken"))
                .isFalse();
    }

    @Test
    void anInjectedFaultFailsTheJobWithAnError() throws Exception {
        RawApi.Response created = api.post(
                V1 + "tuningJobs", job("gs://tuning-data/support.jsonl", 2), "x-tunegate-fault", "tuning-failure");
        JsonNode job = awaitEnd(api, created.json().path("name").asText(), Duration.ofSeconds(30));
        assertThat(job.path("state").asText()).isEqualTo("JOB_STATE_FAILED");
        assertThat(job.at("/error/code").asInt()).isEqualTo(13);
        assertThat(job.at("/error/message").asText()).contains("Injected fault");
        assertThat(job.has("tunedModel")).isFalse();
    }

    @Test
    void brokenRequestsAre400NamingTheFieldNever500() throws Exception {
        Files.createDirectories(gcs.resolve("tuning-data"));
        Files.writeString(
                gcs.resolve("tuning-data/broken.jsonl"),
                "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]},{\"role\":\"model\",\"parts\":[{\"text\":\"ho\"}]}]}\n"
                        + "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"no answer\"}]}]}\n");
        Files.writeString(gcs.resolve("tuning-data/not-json.jsonl"), "this is not json\n");
        String ok = "gs://tuning-data/support.jsonl";
        expect400(without(job(ok, 2), "baseModel"), "baseModel", "required");
        ObjectNode untunable = job(ok, 2);
        untunable.put("baseModel", "gemini-1.5-pro");
        expect400(untunable, "baseModel", "cannot be tuned");
        expect400(without(job(ok, 2), "supervisedTuningSpec"), "supervisedTuningSpec", "required");
        ObjectNode noData = job(ok, 2);
        noData.with("supervisedTuningSpec").remove("trainingDatasetUri");
        expect400(noData, "supervisedTuningSpec.trainingDatasetUri", "required");
        expect400(
                job("gs://tuning-data/missing.jsonl", 2), "supervisedTuningSpec.trainingDatasetUri", "does not exist");
        expect400(job("/etc/passwd", 2), "supervisedTuningSpec.trainingDatasetUri", "gs://");
        expect400(job("gs://tuning-data/../../secret", 2), "supervisedTuningSpec.trainingDatasetUri", "");
        expect400(job("gs://tuning-data/broken.jsonl", 2), "supervisedTuningSpec.trainingDatasetUri", "line 2");
        expect400(job("gs://tuning-data/not-json.jsonl", 2), "supervisedTuningSpec.trainingDatasetUri", "line 1");
        ObjectNode validation = job(ok, 2);
        validation.with("supervisedTuningSpec").put("validationDatasetUri", "gs://tuning-data/nothing.jsonl");
        expect400(validation, "supervisedTuningSpec.validationDatasetUri", "does not exist");
        expect400(job(ok, 0), "supervisedTuningSpec.hyperParameters.epochCount", "[1, 1000]");
        ObjectNode multiplier = job(ok, 2);
        multiplier.with("supervisedTuningSpec").with("hyperParameters").put("learningRateMultiplier", -1);
        expect400(multiplier, "supervisedTuningSpec.hyperParameters.learningRateMultiplier", "(0, 100");
        ObjectNode adapter = job(ok, 2);
        adapter.with("supervisedTuningSpec").with("hyperParameters").put("adapterSize", "HUGE");
        expect400(adapter, "supervisedTuningSpec.hyperParameters.adapterSize", "ADAPTER_SIZE_FOUR");
        ObjectNode lowerCase = job(ok, 2);
        ObjectNode spec = lowerCase.with("supervisedTuningSpec");
        spec.set("hyperparameters", spec.remove("hyperParameters"));
        expect400(lowerCase, "supervisedTuningSpec.hyperparameters", "Unknown name \"hyperparameters\"");
        ObjectNode epochString = job(ok, 2);
        epochString.with("supervisedTuningSpec").with("hyperParameters").put("epochCount", "two");
        expect400(epochString, "supervisedTuningSpec.hyperParameters.epochCount", "integer");
        RawApi.Response notJson = api.post(V1 + "tuningJobs", "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(api.post(V1 + "tuningJobs", "[]").status()).isEqualTo(400);
        assertThat(api.get(V1 + "tuningJobs/123").status()).isEqualTo(404);
        assertThat(api.post(V1 + "tuningJobs/123:cancel", "{}").status()).isEqualTo(404);
        assertThat(api.post(V1 + "tuningJobs/123:pause", "{}").status()).isEqualTo(404);
    }

    private static ObjectNode without(ObjectNode body, String field) {
        body.remove(field);
        return body;
    }

    private static void expect400(ObjectNode body, String field, String message) {
        RawApi.Response r = api.post(V1 + "tuningJobs", body);
        assertThat(r.status()).as(body + " -> " + r.json()).isEqualTo(400);
        assertThat(r.json().at("/error/details/0/fieldViolations/0/field").asText())
                .as(r.json().toString())
                .isEqualTo(field);
        assertThat(r.errorMessage()).contains(message);
    }
}
