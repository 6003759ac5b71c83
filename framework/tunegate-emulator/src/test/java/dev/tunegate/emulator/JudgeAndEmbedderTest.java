package dev.tunegate.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The base models grade rubric and pairwise requests; embedContent/batchEmbedContents embed texts. */
class JudgeAndEmbedderTest {
    static GeminiEmulator emulator;
    static Http http;

    private static final String VERDICT_SCHEMA = "{\"type\":\"OBJECT\",\"properties\":{"
            + "\"verdict\":{\"type\":\"STRING\",\"enum\":[\"PASS\",\"FAIL\"]},\"score\":{\"type\":\"NUMBER\"},"
            + "\"reasoning\":{\"type\":\"STRING\"}},\"required\":[\"verdict\",\"score\",\"reasoning\"]}";
    private static final String WINNER_SCHEMA = "{\"type\":\"OBJECT\",\"properties\":{"
            + "\"winner\":{\"type\":\"STRING\",\"enum\":[\"A\",\"B\",\"TIE\"]},\"reasoning\":{\"type\":\"STRING\"}},"
            + "\"required\":[\"winner\",\"reasoning\"]}";
    private static final String RUBRIC = "Apologises to the customer; explains the refund policy";

    @BeforeAll
    static void start() {
        emulator = GeminiEmulator.builder().port(0).build().start();
        http = new Http(emulator.baseUrl());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static JsonNode grade(String prompt, String schema, double temperature) {
        String body = "{\"contents\":[{\"parts\":[{\"text\":" + Http.quote(prompt) + "}]}],"
                + "\"generationConfig\":{\"temperature\":" + temperature
                + ",\"responseMimeType\":\"application/json\",\"responseSchema\":" + schema + "}}";
        JsonNode r = http.generate("gemini-2.0-flash", body);
        return Http.json(r.at("/candidates/0/content/parts/0/text").asText());
    }

    private static String single(String answer) {
        return "Grade the answer.\n<rubric>\n" + RUBRIC + "\n</rubric>\n<answer>\n" + answer + "\n</answer>";
    }

    @Test
    void aRubricRequestIsGradedByTheCriteriaTheAnswerCovers() {
        JsonNode pass =
                grade(single("We apologise. Our refund policy gives your money back in 14 days."), VERDICT_SCHEMA, 0);
        assertThat(pass.get("verdict").asText()).isEqualTo("PASS");
        assertThat(pass.get("score").asDouble()).isEqualTo(1.0);
        assertThat(pass.get("reasoning").asText()).contains("covers 2 of 2 criteria");

        JsonNode fail = grade(single("The weather is nice today."), VERDICT_SCHEMA, 0);
        assertThat(fail.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(fail.get("score").asDouble()).isEqualTo(0.0);
        assertThat(fail.get("reasoning").asText()).contains("missed");
    }

    @Test
    void atTemperatureZeroTheGradeRepeatsAndAboveItSamplesDisagreeNearTheThreshold() {
        String half = single("We apologise for the trouble.");
        assertThat(grade(half, VERDICT_SCHEMA, 0)).isEqualTo(grade(half, VERDICT_SCHEMA, 0));
        Set<String> verdicts = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            verdicts.add(grade(half, VERDICT_SCHEMA, 1.0).get("verdict").asText());
        }
        assertThat(verdicts).containsExactlyInAnyOrder("PASS", "FAIL");
    }

    @Test
    void aPairwiseRequestNamesTheBetterAnswerAndPrefersTheFirstWhenTheyAreClose() {
        String good = "We apologise. Our refund policy gives your money back.";
        String bad = "Nice weather.";
        assertThat(grade(pairwise(good, bad), WINNER_SCHEMA, 0).get("winner").asText())
                .isEqualTo("A");
        assertThat(grade(pairwise(bad, good), WINNER_SCHEMA, 0).get("winner").asText())
                .isEqualTo("B");
        String alsoGood = "Sorry! We apologise; the refund policy returns your money.";
        assertThat(grade(pairwise(good, alsoGood), WINNER_SCHEMA, 0)
                        .get("winner")
                        .asText())
                .isEqualTo("A");
        assertThat(grade(pairwise(alsoGood, good), WINNER_SCHEMA, 0)
                        .get("winner")
                        .asText())
                .isEqualTo("A");
    }

    private static String pairwise(String a, String b) {
        return "<rubric>" + RUBRIC + "</rubric>\n<answer_a>" + a + "</answer_a>\n<answer_b>" + b + "</answer_b>";
    }

    @Test
    void embeddingsAreUnitVectorsUnderWhichParaphrasesAreCloseAndUnrelatedTextsFar() {
        HttpResponse<String> one = http.post(
                "/v1beta/models/text-embedding-004:embedContent",
                "{\"content\":{\"parts\":[{\"text\":\"We will refund your order\"}]},\"outputDimensionality\":256}");
        assertThat(one.statusCode()).isEqualTo(200);
        double[] a = values(Http.json(one.body()).at("/embedding/values"));
        assertThat(a).hasSize(256);
        assertThat(dot(a, a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));

        HttpResponse<String> batch = http.post(
                "/v1beta/models/text-embedding-004:batchEmbedContents",
                "{\"requests\":[" + request("We will refund your order") + "," + request("we refund the orders") + ","
                        + request("The capital of France is Paris") + "]}");
        assertThat(batch.statusCode()).isEqualTo(200);
        JsonNode embeddings = Http.json(batch.body()).get("embeddings");
        double[] same = values(embeddings.get(0).get("values"));
        double[] paraphrase = values(embeddings.get(1).get("values"));
        double[] unrelated = values(embeddings.get(2).get("values"));
        assertThat(dot(same, paraphrase)).isGreaterThan(0.5);
        assertThat(Math.abs(dot(same, unrelated))).isLessThan(0.2);
    }

    @Test
    void aMalformedEmbeddingRequestIsA400() {
        HttpResponse<String> r =
                http.post("/v1beta/models/text-embedding-004:batchEmbedContents", "{\"requests\":[{\"content\":{}}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("INVALID_ARGUMENT");
        assertThat(http.post("/v1beta/models/text-embedding-004:embedContent", "not json")
                        .statusCode())
                .isEqualTo(400);
    }

    private static String request(String text) {
        return "{\"model\":\"models/text-embedding-004\",\"content\":{\"parts\":[{\"text\":" + Http.quote(text)
                + "}]}}";
    }

    private static double[] values(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
