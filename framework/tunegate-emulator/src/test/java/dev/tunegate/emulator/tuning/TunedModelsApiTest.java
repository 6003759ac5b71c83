package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.emulator.GeminiEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every tunedModels endpoint and validation rule over loopback HTTP. */
class TunedModelsApiTest {

    private static GeminiEmulator emulator;
    private static RawApi api;

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder().port(0).tuningStepMillis(2).build().start();
        api = new RawApi(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static ObjectNode small(String displayName) {
        ObjectNode body = RawApi.supportIntents();
        body.put("displayName", displayName);
        ArrayNode examples = (ArrayNode) body.at("/tuningTask/trainingData/examples/examples");
        while (examples.size() > 6) {
            examples.remove(examples.size() - 1);
        }
        return body;
    }

    private static JsonNode createAndWait(String id, ObjectNode body) {
        RawApi.Response created = api.post("/v1beta/tunedModels?tunedModelId=" + id, body);
        assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
        RawApi.Response done = api.awaitDone(created.json().get("name").asText(), Duration.ofSeconds(20));
        assertThat(done.json().path("done").asBoolean())
                .as(done.json().toString())
                .isTrue();
        return done.json();
    }

    @Test
    void createAnswersARunningOperationAndTheModelIsCreating() {
        ObjectNode body = RawApi.supportIntents();
        body.with("tuningTask").with("hyperparameters").put("epochCount", 1000);
        body.with("tuningTask").with("hyperparameters").put("batchSize", 1);
        RawApi.Response created = api.post("/v1beta/tunedModels?tunedModelId=slow-one", body);

        assertThat(created.status()).isEqualTo(200);
        JsonNode op = created.json();
        assertThat(op.get("name").asText()).matches("tunedModels/slow-one/operations/[a-z0-9]+");
        assertThat(op.get("done").asBoolean()).isFalse();
        assertThat(op.has("response")).isFalse();
        assertThat(op.at("/metadata/@type").asText())
                .isEqualTo("type.googleapis.com/google.ai.generativelanguage.v1beta.CreateTunedModelMetadata");
        assertThat(op.at("/metadata/tunedModel").asText()).isEqualTo("tunedModels/slow-one");
        assertThat(op.at("/metadata/totalSteps").asInt()).isEqualTo(20 * 1000);

        JsonNode model = api.get("/v1beta/tunedModels/slow-one").json();
        assertThat(model.get("state").asText()).isEqualTo("CREATING");
        assertThat(model.at("/tuningTask/trainingData").isMissingNode())
                .as("trainingData is input only")
                .isTrue();

        RawApi.Response generate = api.post("/v1beta/tunedModels/slow-one:generateContent", RawApi.ask("refund"));
        assertThat(generate.status()).isEqualTo(400);
        assertThat(generate.errorStatus()).isEqualTo("FAILED_PRECONDITION");
        RawApi.Response stream =
                api.post("/v1beta/tunedModels/slow-one:streamGenerateContent?alt=sse", RawApi.ask("refund"));
        assertThat(stream.status()).isEqualTo(400);

        assertThat(api.delete("/v1beta/tunedModels/slow-one").status()).isEqualTo(200);
    }

    @Test
    void aFinishedRunIsActiveWithTimesSnapshotsAndTheModelAsResponse() {
        JsonNode op = createAndWait("finished-run", small("Finished Run"));

        assertThat(op.has("error")).isFalse();
        JsonNode response = op.get("response");
        assertThat(response.get("@type").asText())
                .isEqualTo("type.googleapis.com/google.ai.generativelanguage.v1beta.TunedModel");
        assertThat(response.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(response.get("name").asText()).isEqualTo("tunedModels/finished-run");
        assertThat(response.get("baseModel").asText()).isEqualTo("models/gemini-1.5-flash-001-tuning");
        JsonNode task = response.get("tuningTask");
        assertThat(task.get("startTime").asText()).isNotEmpty();
        assertThat(task.get("completeTime").asText())
                .isGreaterThanOrEqualTo(task.get("startTime").asText());
        assertThat(task.get("snapshots")).hasSize(2 * 5);
        assertThat(task.at("/hyperparameters/epochCount").asInt()).isEqualTo(5);
        assertThat(op.at("/metadata/completedSteps").asInt()).isEqualTo(10);
        assertThat(op.at("/metadata/completedPercent").asDouble()).isEqualTo(100.0);

        JsonNode model = api.get("/v1beta/tunedModels/finished-run").json();
        assertThat(model.get("state").asText()).isEqualTo("ACTIVE");
        assertThat(model.get("createTime").asText()).isNotEmpty();
        assertThat(model.at("/tuningTask/snapshots")).hasSize(10);
    }

    @Test
    void defaultsGiveCeilExamplesOverBatchTimesFiveSteps() {
        ObjectNode body = small("Defaults");
        ((ObjectNode) body.get("tuningTask")).remove("hyperparameters");
        JsonNode op = createAndWait("defaults", body);

        // 6 examples, default batch size 4, default 5 epochs
        assertThat(op.at("/metadata/totalSteps").asInt()).isEqualTo(2 * 5);
        JsonNode hyper = op.at("/response/tuningTask/hyperparameters");
        assertThat(hyper.get("batchSize").asInt()).isEqualTo(4);
        assertThat(hyper.get("epochCount").asInt()).isEqualTo(5);
        assertThat(hyper.get("learningRate").asDouble()).isEqualTo(0.001);
    }

    @Test
    void generatedIdsComeFromTheDisplayNamePlusARandomSuffix() {
        RawApi.Response created = api.post("/v1beta/tunedModels", small("Sentence Translator"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().at("/metadata/tunedModel").asText())
                .matches("tunedModels/sentence-translator-[a-z0-9]{5}");

        ObjectNode anonymous = small("x");
        anonymous.remove("displayName");
        String name = api.post("/v1beta/tunedModels", anonymous)
                .json()
                .at("/metadata/tunedModel")
                .asText();
        assertThat(name).matches("tunedModels/[a-z][a-z0-9]{10}");
    }

    @Test
    void aTakenIdIsAlreadyExists() {
        createAndWait("taken", small("Taken"));
        RawApi.Response again = api.post("/v1beta/tunedModels?tunedModelId=taken", small("Taken"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorStatus()).isEqualTo("ALREADY_EXISTS");
        assertThat(again.errorMessage()).contains("tunedModels/taken");
    }

    @Test
    void ofManyRacingCreatesOfOneIdExactlyOneWins() throws Exception {
        int racers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Integer> create = () -> {
                    go.await();
                    return api.post("/v1beta/tunedModels?tunedModelId=raced", small("Raced"))
                            .status();
                };
                results.add(pool.submit(create));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(200, 409);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(api.get("/v1beta/tunedModels/raced/operations").json().get("operations"))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<Arguments> invalidCreates() {
        return Stream.of(
                bad("tunedModelId", "?tunedModelId=Upper", b -> {}),
                bad("tunedModelId", "?tunedModelId=1starts-with-digit", b -> {}),
                bad("tunedModelId", "?tunedModelId=ends-with-hyphen-", b -> {}),
                bad("tunedModelId", "?tunedModelId=" + "a".repeat(41), b -> {}),
                bad("displayName", "", b -> b.put("displayName", "x".repeat(41))),
                bad("baseModel", "", b -> b.put("baseModel", "models/no-such-model")),
                bad("baseModel", "", b -> b.put("baseModel", "models/gemini-2.0-flash")),
                bad("baseModel", "", b -> b.remove("baseModel")),
                bad("tunedModelSource.tunedModel", "", b -> {
                    b.remove("baseModel");
                    b.putObject("tunedModelSource").put("tunedModel", "tunedModels/does-not-exist");
                }),
                bad("baseModel", "", b -> b.putObject("tunedModelSource").put("tunedModel", "tunedModels/x")),
                bad("tunedModelSource.tunedModel", "", b -> {
                    b.remove("baseModel");
                    b.putObject("tunedModelSource");
                }),
                bad("tuningTask", "", b -> b.remove("tuningTask")),
                bad("tuningTask.trainingData", "", b -> b.with("tuningTask").remove("trainingData")),
                bad(
                        "tuningTask.trainingData.examples.examples",
                        "",
                        b -> b.with("tuningTask")
                                .with("trainingData")
                                .with("examples")
                                .putArray("examples")),
                bad(
                        "tuningTask.trainingData.examples.examples[1].textInput",
                        "",
                        b -> ((ObjectNode) b.at("/tuningTask/trainingData/examples/examples/1")).remove("textInput")),
                bad(
                        "tuningTask.trainingData.examples.examples[2].output",
                        "",
                        b -> ((ObjectNode) b.at("/tuningTask/trainingData/examples/examples/2")).remove("output")),
                bad("tuningTask.hyperparameters.epochCount", "", b -> hyper(b).put("epochCount", 0)),
                bad("tuningTask.hyperparameters.batchSize", "", b -> hyper(b).put("batchSize", 0)),
                bad("tuningTask.hyperparameters.learningRate", "", b -> hyper(b).put("learningRate", -0.1)),
                bad("tuningTask.hyperparameters.learningRateMultiplier", "", b -> {
                    hyper(b).remove("learningRate");
                    hyper(b).put("learningRateMultiplier", 0);
                }),
                bad("tuningTask.hyperparameters", "", b -> hyper(b).put("learningRateMultiplier", 2.0)),
                bad("temperature", "", b -> b.put("temperature", 1.5)),
                bad("topP", "", b -> b.put("topP", -0.5)),
                bad("topK", "", b -> b.put("topK", 0)),
                bad(
                        "readerProjectNumbers[0]",
                        "",
                        b -> b.putArray("readerProjectNumbers").add("not-a-number")));
    }

    private static ObjectNode hyper(ObjectNode body) {
        return body.with("tuningTask").with("hyperparameters");
    }

    private static Arguments bad(String field, String query, Consumer<ObjectNode> change) {
        return Arguments.of(field, query, change);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("invalidCreates")
    void invalidCreatesAre400NamingTheField(String field, String query, Consumer<ObjectNode> change) {
        ObjectNode body = small("Invalid");
        change.accept(body);
        RawApi.Response response = api.post("/v1beta/tunedModels" + query, body);

        assertThat(response.status()).as(response.json().toString()).isEqualTo(400);
        assertThat(response.errorStatus()).isEqualTo("INVALID_ARGUMENT");
        assertThat(response.json()
                        .at("/error/details/0/fieldViolations/0/field")
                        .asText())
                .contains(field);
        assertThat(response.errorMessage())
                .contains(field.replaceAll(".*[.]", "").replaceAll("\\[.*", ""));
    }

    @Test
    void theTunableBaseModelsAreConfigurable() {
        try (GeminiEmulator custom = GeminiEmulator.builder()
                .port(0)
                .tuningStepMillis(0)
                .tunedModelService(TuningServiceFactory.withTunableModels(List.of("gemini-2.0-flash")))
                .build()
                .start()) {
            RawApi customApi = new RawApi(custom.baseUrl());
            ObjectNode body = small("Custom Base");
            body.put("baseModel", "models/gemini-2.0-flash");
            assertThat(customApi.post("/v1beta/tunedModels", body).status()).isEqualTo(200);
            RawApi.Response rejected = customApi.post("/v1beta/tunedModels", small("Default Base"));
            assertThat(rejected.status()).isEqualTo(400);
            assertThat(rejected.errorMessage()).contains("does not support tuning");
        }
    }

    @Test
    void aSourceThatIsNotActiveIsRejected() {
        ObjectNode slow = small("Still Tuning");
        hyper(slow).put("epochCount", 1000).put("batchSize", 1);
        api.post("/v1beta/tunedModels?tunedModelId=still-tuning", slow);
        ObjectNode body = small("From Creating");
        body.remove("baseModel");
        body.putObject("tunedModelSource").put("tunedModel", "tunedModels/still-tuning");

        RawApi.Response response = api.post("/v1beta/tunedModels", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage())
                .contains("tunedModelSource.tunedModel")
                .contains("CREATING");
        api.delete("/v1beta/tunedModels/still-tuning");
    }

    @Test
    void malformedBodiesAndParametersAre400() {
        assertThat(api.post("/v1beta/tunedModels", "{not json").status()).isEqualTo(400);
        assertThat(api.post("/v1beta/tunedModels", "").status()).isEqualTo(400);
        assertThat(api.post("/v1beta/tunedModels", "[1,2]").status()).isEqualTo(400);
        assertThat(api.get("/v1beta/tunedModels?pageSize=ten").status()).isEqualTo(400);
        assertThat(api.get("/v1beta/tunedModels?pageSize=-1").status()).isEqualTo(400);
        assertThat(api.get("/v1beta/tunedModels?pageToken=garbage").status()).isEqualTo(400);
        assertThat(api.get("/v1beta/tunedModels?filter=owner:someone").status()).isEqualTo(400);
    }

    @Test
    void unknownModelsAndOperationsAre404() {
        assertThat(api.get("/v1beta/tunedModels/nope").status()).isEqualTo(404);
        assertThat(api.get("/v1beta/tunedModels/nope").errorStatus()).isEqualTo("NOT_FOUND");
        assertThat(api.delete("/v1beta/tunedModels/nope").status()).isEqualTo(404);
        assertThat(api.patch("/v1beta/tunedModels/nope?updateMask=description", "{\"description\":\"d\"}")
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/v1beta/tunedModels/nope/operations").status()).isEqualTo(404);
        assertThat(api.get("/v1beta/tunedModels/nope/operations/abc").status()).isEqualTo(404);
        assertThat(api.post("/v1beta/tunedModels/nope:generateContent", RawApi.ask("hi"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void patchChangesOnlyMaskedMutableFields() {
        createAndWait("patched", small("Patched"));

        RawApi.Response patched = api.patch(
                "/v1beta/tunedModels/patched?updateMask=description,topK",
                "{\"description\":\"new words\",\"displayName\":\"ignored\",\"topK\":7}");

        assertThat(patched.status()).as(patched.json().toString()).isEqualTo(200);
        assertThat(patched.json().get("description").asText()).isEqualTo("new words");
        assertThat(patched.json().get("topK").asInt()).isEqualTo(7);
        assertThat(patched.json().get("displayName").asText()).isEqualTo("Patched");
        JsonNode model = api.get("/v1beta/tunedModels/patched").json();
        assertThat(model.get("description").asText()).isEqualTo("new words");
        assertThat(model.get("updateTime").asText())
                .isGreaterThan(model.get("createTime").asText());

        RawApi.Response snake =
                api.patch("/v1beta/tunedModels/patched?update_mask=display_name", "{\"display_name\":\"Renamed\"}");
        assertThat(snake.json().get("displayName").asText()).isEqualTo("Renamed");

        RawApi.Response noMask = api.patch("/v1beta/tunedModels/patched", "{\"temperature\":0.25}");
        assertThat(noMask.json().get("temperature").asDouble()).isEqualTo(0.25);
        assertThat(noMask.json().get("description").asText()).isEqualTo("new words");

        RawApi.Response cleared = api.patch("/v1beta/tunedModels/patched?updateMask=description", "{}");
        assertThat(cleared.json().has("description")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("badMasks")
    void patchRejectsImmutableUnknownAndInvalid(String mask, String body) {
        createAndWait("mask-target", small("Mask Target"));
        RawApi.Response response = api.patch("/v1beta/tunedModels/mask-target?updateMask=" + mask, body);
        assertThat(response.status()).as(response.json().toString()).isEqualTo(400);
        assertThat(response.errorStatus()).isEqualTo("INVALID_ARGUMENT");
        api.delete("/v1beta/tunedModels/mask-target");
    }

    static Stream<Arguments> badMasks() {
        return Stream.of(
                Arguments.of("baseModel", "{\"baseModel\":\"models/gemini-2.0-flash\"}"),
                Arguments.of("tuningTask.hyperparameters.epochCount", "{}"),
                Arguments.of("state", "{\"state\":\"FAILED\"}"),
                Arguments.of("name", "{}"),
                Arguments.of("createTime", "{}"),
                Arguments.of("colour", "{}"),
                Arguments.of("displayName", "{\"displayName\":\"" + "y".repeat(41) + "\"}"),
                Arguments.of("temperature", "{\"temperature\":3}"),
                Arguments.of("description", "{\"name\":\"tunedModels/other\"}"));
    }

    @Test
    void deleteAnswersAnEmptyObjectAndTheModelIsGone() {
        createAndWait("to-delete", small("To Delete"));
        RawApi.Response deleted = api.delete("/v1beta/tunedModels/to-delete");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().isObject()).isTrue();
        assertThat(deleted.json().size()).isZero();
        assertThat(api.get("/v1beta/tunedModels/to-delete").status()).isEqualTo(404);
        assertThat(api.delete("/v1beta/tunedModels/to-delete").status()).isEqualTo(404);
        assertThat(api.post("/v1beta/tunedModels/to-delete:generateContent", RawApi.ask("refund"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void deletingAModelThatIsTuningCancelsItsOperation() throws InterruptedException {
        ObjectNode body = small("Cancelled");
        hyper(body).put("epochCount", 1000).put("batchSize", 1);
        String operation = api.post("/v1beta/tunedModels?tunedModelId=cancelled", body)
                .json()
                .get("name")
                .asText();
        Thread.sleep(50);

        assertThat(api.delete("/v1beta/tunedModels/cancelled").status()).isEqualTo(200);

        JsonNode op = api.get("/v1beta/" + operation).json();
        assertThat(op.get("done").asBoolean()).isTrue();
        assertThat(op.at("/error/status").asText()).isEqualTo("CANCELLED");
        int stepsAtCancel = op.at("/metadata/completedSteps").asInt();
        assertThat(stepsAtCancel).isLessThan(6 * 1000);
        Thread.sleep(50);
        assertThat(api.get("/v1beta/" + operation)
                        .json()
                        .at("/metadata/completedSteps")
                        .asInt())
                .isEqualTo(stepsAtCancel);
        assertThat(api.get("/v1beta/tunedModels/cancelled").status()).isEqualTo(404);
    }

    @Test
    void aFaultHeaderOrMarkerMakesTheRunFail() {
        RawApi.Response created = api.post(
                "/v1beta/tunedModels?tunedModelId=faulted", small("Faulted"), "x-tunegate-fault", "tuning-failure");
        JsonNode op = api.awaitDone(created.json().get("name").asText(), Duration.ofSeconds(20))
                .json();

        assertThat(op.get("done").asBoolean()).isTrue();
        assertThat(op.has("response")).isFalse();
        assertThat(op.at("/error/status").asText()).isEqualTo("INTERNAL");
        assertThat(op.at("/error/message").asText()).contains("Injected fault");
        assertThat(op.at("/metadata/completedSteps").asInt()).isEqualTo(4);
        JsonNode model = api.get("/v1beta/tunedModels/faulted").json();
        assertThat(model.get("state").asText()).isEqualTo("FAILED");
        assertThat(api.post("/v1beta/tunedModels/faulted:generateContent", RawApi.ask("refund"))
                        .errorStatus())
                .isEqualTo("FAILED_PRECONDITION");

        ObjectNode marked = small("Marked " + TuningService.FAULT_MARKER.toLowerCase());
        marked.put("description", "contains " + TuningService.FAULT_MARKER);
        JsonNode markedOp = createAndWait("marked", marked);
        assertThat(markedOp.at("/error/status").asText()).isEqualTo("INTERNAL");
    }

    @Test
    void operationsOfAModelAreListedAndReadable() {
        JsonNode op = createAndWait("with-ops", small("With Ops"));
        String opName = op.get("name").asText();

        JsonNode list = api.get("/v1beta/tunedModels/with-ops/operations").json();
        assertThat(list.get("operations")).hasSize(1);
        assertThat(list.at("/operations/0/name").asText()).isEqualTo(opName);
        assertThat(list.at("/operations/0/done").asBoolean()).isTrue();
        assertThat(api.get("/v1beta/" + opName).json().get("name").asText()).isEqualTo(opName);
        assertThat(api.get("/v1beta/tunedModels/with-ops/operations/nope").status())
                .isEqualTo(404);
    }

    @Test
    void listPagesThroughEveryModelOnce() {
        for (int i = 0; i < 5; i++) {
            createAndWait("paged-" + i, small("Paged Model " + i));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            RawApi.Response page = api.get(
                    "/v1beta/tunedModels?pageSize=2&filter=paged" + (token == null ? "" : "&pageToken=" + token));
            assertThat(page.status()).isEqualTo(200);
            page.json().get("tunedModels").forEach(m -> seen.add(m.get("name").asText()));
            token = page.json().path("nextPageToken").asText(null);
            pages++;
        } while (token != null && !token.isEmpty());
        assertThat(seen)
                .containsExactly(
                        "tunedModels/paged-0",
                        "tunedModels/paged-1",
                        "tunedModels/paged-2",
                        "tunedModels/paged-3",
                        "tunedModels/paged-4");
        assertThat(pages).isEqualTo(3);

        String first = api.get("/v1beta/tunedModels?pageSize=2&filter=paged")
                .json()
                .get("nextPageToken")
                .asText();
        RawApi.Response otherFilter = api.get("/v1beta/tunedModels?pageSize=2&filter=other&pageToken=" + first);
        assertThat(otherFilter.status()).isEqualTo(400);
    }

    @Test
    void listDefaultsToTenPerPage() {
        for (int i = 0; i < 11; i++) {
            createAndWait("ten-" + i, small("Ten Per Page " + i));
        }
        JsonNode page =
                api.get("/v1beta/tunedModels?filter=%22ten%20per%20page%22").json();
        assertThat(page.get("tunedModels")).hasSize(10);
        assertThat(page.get("nextPageToken").asText()).isNotEmpty();
    }

    @Test
    void listFiltersByTextAndRoleOperators() {
        ObjectNode withDescription = small("Filter Alpha");
        withDescription.put("description", "knows about Zebras");
        createAndWait("filter-alpha", withDescription);
        createAndWait("filter-beta", small("Filter Beta"));

        assertThat(names("filter=zebras")).containsExactly("tunedModels/filter-alpha");
        assertThat(names("filter=filter%20beta")).containsExactly("tunedModels/filter-beta");
        assertThat(names("filter=owner:me%20filter")).contains("tunedModels/filter-alpha", "tunedModels/filter-beta");
        assertThat(names("filter=readers:me%20filter")).hasSize(2);
        assertThat(names("filter=writers:me%20filter")).hasSize(2);
        assertThat(names("filter=readers:everyone")).isEmpty();
    }

    private static List<String> names(String query) {
        RawApi.Response page = api.get("/v1beta/tunedModels?pageSize=1000&" + query);
        assertThat(page.status()).as(page.json().toString()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        page.json().path("tunedModels").forEach(m -> names.add(m.get("name").asText()));
        return names;
    }

    @Test
    void getListAndDeleteRejectABody() {
        createAndWait("bodyless", small("Bodyless"));
        assertThat(api.send("GET", "/v1beta/tunedModels/bodyless", "{\"x\":1}").status())
                .isEqualTo(400);
        assertThat(api.send("DELETE", "/v1beta/tunedModels/bodyless", "{\"x\":1}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void deleteAcceptsAnEmptyJsonObjectAsTheJsSdkSendsIt() {
        createAndWait("deleted-by-js", small("Deleted by JS"));
        assertThat(api.send("GET", "/v1beta/tunedModels/deleted-by-js", " { } ").status())
                .isEqualTo(200);
        RawApi.Response deleted = api.send("DELETE", "/v1beta/tunedModels/deleted-by-js", "{}");
        assertThat(deleted.status()).as(deleted.json().toString()).isEqualTo(200);
        assertThat(api.get("/v1beta/tunedModels/deleted-by-js").status()).isEqualTo(404);
    }

    @Test
    void theGeminiApiV1ServesTunedModelsToo() {
        createAndWait("served-on-v1", small("Served on v1"));
        assertThat(api.get("/v1/tunedModels/served-on-v1").json().path("state").asText())
                .isEqualTo("ACTIVE");
        assertThat(api.get("/v1/tunedModels?pageSize=1000").json().toString()).contains("tunedModels/served-on-v1");
        RawApi.Response generated = api.post(
                "/v1/tunedModels/served-on-v1:generateContent", "{\"contents\":[{\"parts\":[{\"text\":\"hello\"}]}]}");
        assertThat(generated.status()).as(generated.json().toString()).isEqualTo(200);
        assertThat(api.send("DELETE", "/v1/tunedModels/served-on-v1", "{}").status())
                .isEqualTo(200);
        assertThat(api.get("/v1/tunedModels/served-on-v1").status()).isEqualTo(404);
    }
}
