package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.emulator.GeminiEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A frozen baseline (tunegate.mode.v1=replay) of the example suites: v1 is answered only from its
 * recordings (never called, never tuned), the candidate v2 is called live, and the gates judge v2
 * against v1's recorded answers.
 */
class FrozenBaselineTest {
    private static final String SUITES = "../../example-suites/src/test/resources/suites";
    private static final String CASSETTES = "../../example-suites/src/test/resources/cassettes";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    @Test
    void theFrozenVariantIsNeverCalledAndTheCandidateIsGatedAgainstItsRecordedAnswers() throws Exception {
        try (GeminiEmulator emulator =
                GeminiEmulator.builder().port(0).tuningStepMillis(1).build().start()) {
            Cli.Result result = Cli.run(
                    "run",
                    "--no-progress",
                    "--endpoint",
                    emulator.baseUrl(),
                    "--variants",
                    "v1,v2",
                    "--cassettes",
                    CASSETTES,
                    "--reports",
                    reports.toString(),
                    "-Dtunegate.mode.v1=replay",
                    SUITES);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(status(emulator, "tunedModels/support-triage-v1"))
                    .as("the frozen variant's model was never tuned, so never called")
                    .isEqualTo(404);
            assertThat(status(emulator, "tunedModels/support-triage-v2"))
                    .as("the candidate was tuned and called live")
                    .isEqualTo(200);
        }
        JsonNode summary =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        assertThat(summary.get("passed").asBoolean()).isTrue();
        for (JsonNode suite : summary.get("suites")) {
            for (JsonNode variant : suite.get("variants")) {
                boolean frozen = variant.path("frozen").asBoolean(false);
                assertThat(frozen)
                        .as(suite.get("name") + " " + variant.get("name"))
                        .isEqualTo(variant.get("name").asText().equals("v1"));
            }
            JsonNode gate = suite.get("candidates").get(0);
            assertThat(gate.get("baseline").asText()).isEqualTo("v1");
            assertThat(gate.get("pairedTable").get("bothPass").asInt()
                            + gate.get("pairedTable").get("regressions").asInt()
                            + gate.get("pairedTable").get("improvements").asInt()
                            + gate.get("pairedTable").get("bothFail").asInt())
                    .as("every case of " + suite.get("name") + " paired with v1's recorded answer")
                    .isEqualTo(suite.get("caseCount").asInt());
        }
        JsonNode intents = summary.get("suites").get(2);
        assertThat(intents.get("name").asText()).isEqualTo("triage-intents");
        assertThat(intents.get("candidates").get(0).get("improvements").size())
                .as("v1's recorded answers fail 4 intents v2 gets right, as in the README")
                .isEqualTo(4);
    }

    private static int status(GeminiEmulator emulator, String name) throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1beta/" + name))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        return response.statusCode();
    }
}
