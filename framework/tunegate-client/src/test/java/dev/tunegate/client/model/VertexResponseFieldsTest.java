package dev.tunegate.client.model;

import static dev.tunegate.client.model.SpecFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A Vertex AI GenerateContentResponse reads into the shared wire types, its extra fields included. */
class VertexResponseFieldsTest {

    /** As Vertex AI writes it (proto3 JSON), with fields the wire types do not model. */
    private static final String VERTEX_RESPONSE = """
            {
              "candidates": [{
                "content": {"role": "model", "parts": [{"text": "Hello Bob!"}]},
                "finishReason": "STOP",
                "avgLogprobs": -0.0421,
                "safetyRatings": [{
                  "category": "HARM_CATEGORY_HARASSMENT",
                  "probability": "NEGLIGIBLE",
                  "probabilityScore": 0.05,
                  "severity": "HARM_SEVERITY_NEGLIGIBLE",
                  "severityScore": 0.02
                }, {
                  "category": "HARM_CATEGORY_HATE_SPEECH",
                  "probability": "LOW",
                  "severity": "HARM_SEVERITY_FROM_THE_FUTURE"
                }],
                "citationMetadata": {"citations": [{"startIndex": 1, "uri": "https://example.com"}]}
              }],
              "usageMetadata": {
                "promptTokenCount": 4,
                "candidatesTokenCount": 3,
                "totalTokenCount": 7,
                "trafficType": "ON_DEMAND",
                "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 4}]
              },
              "modelVersion": "gemini-2.5-flash",
              "createTime": "2026-12-03T13:01:02.345678Z",
              "responseId": "3mQvaYqHEs2lvdIP4eWn8QQ"
            }
            """;

    @Test
    void vertexFieldsAreReadAndUnknownOnesTolerated() throws Exception {
        GenerateContentResponse r = MAPPER.readValue(VERTEX_RESPONSE, GenerateContentResponse.class);

        assertThat(r.text()).isEqualTo("Hello Bob!");
        assertThat(r.modelVersion()).isEqualTo("gemini-2.5-flash");
        assertThat(r.responseId()).isEqualTo("3mQvaYqHEs2lvdIP4eWn8QQ");
        assertThat(r.createTime()).isEqualTo(Instant.parse("2026-12-03T13:01:02.345678Z"));
        assertThat(r.firstCandidate().avgLogprobs()).isEqualTo(-0.0421);
        assertThat(r.usageMetadata().trafficType()).isEqualTo("ON_DEMAND");
        assertThat(r.usageMetadata().totalTokenCount()).isEqualTo(7);
        SafetyRating harassment = r.firstCandidate().safetyRatings().get(0);
        assertThat(harassment.probabilityScore()).isEqualTo(0.05);
        assertThat(harassment.severity()).isEqualTo(HarmSeverity.HARM_SEVERITY_NEGLIGIBLE);
        assertThat(harassment.severityScore()).isEqualTo(0.02);
        assertThat(r.firstCandidate().safetyRatings().get(1).severity()).isEqualTo(HarmSeverity.UNRECOGNIZED);
    }

    @Test
    void vertexFieldsAreWrittenBackAndAbsentOnesOmitted() throws Exception {
        GenerateContentResponse r = MAPPER.readValue(VERTEX_RESPONSE, GenerateContentResponse.class);
        String written = MAPPER.writeValueAsString(r);

        assertThat(written)
                .contains("\"createTime\":\"2026-12-03T13:01:02.345678Z\"")
                .contains("\"avgLogprobs\":-0.0421")
                .contains("\"trafficType\":\"ON_DEMAND\"")
                .contains("\"probabilityScore\":0.05,\"severity\":\"HARM_SEVERITY_NEGLIGIBLE\",\"severityScore\":0.02")
                .doesNotContain("null");
        assertThat(MAPPER.writeValueAsString(GenerateContentResponse.of(
                        java.util.List.of(Candidate.of(Content.model("hi"), FinishReason.STOP)),
                        UsageMetadata.of(1, 1))))
                .doesNotContain("createTime")
                .doesNotContain("avgLogprobs")
                .doesNotContain("trafficType");
    }
}
