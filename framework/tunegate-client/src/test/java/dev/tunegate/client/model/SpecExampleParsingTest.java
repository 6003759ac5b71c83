package dev.tunegate.client.model;

import static dev.tunegate.client.model.SpecFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every response example of the spec (gemini-api.md §5.14, §6, §9; beyond-the-seeds.md) parses. */
class SpecExampleParsingTest {

    @Test
    void normalResponseOfSection5_14() {
        GenerateContentResponse r = read("response-normal.json", GenerateContentResponse.class);
        assertThat(r.text()).isEqualTo("Once upon a time, a backpack...");
        assertThat(r.finishReason()).isEqualTo(FinishReason.STOP);
        Candidate c = r.firstCandidate();
        assertThat(c.index()).isZero();
        assertThat(c.content().role()).isEqualTo("model");
        assertThat(c.safetyRatings())
                .extracting(SafetyRating::category)
                .containsExactly(
                        HarmCategory.HARM_CATEGORY_SEXUALLY_EXPLICIT, HarmCategory.HARM_CATEGORY_HATE_SPEECH,
                        HarmCategory.HARM_CATEGORY_HARASSMENT, HarmCategory.HARM_CATEGORY_DANGEROUS_CONTENT);
        assertThat(c.safetyRatings())
                .allSatisfy(s -> assertThat(s.probability()).isEqualTo(HarmProbability.NEGLIGIBLE));
        assertThat(r.usageMetadata()).isEqualTo(new UsageMetadata(8, null, 12, 20));
        assertThat(r.isPromptBlocked()).isFalse();
    }

    @Test
    void blockedPromptOfSection5_14() {
        GenerateContentResponse r = read("response-blocked.json", GenerateContentResponse.class);
        assertThat(r.candidates()).isNull();
        assertThat(r.text()).isNull();
        assertThat(r.isPromptBlocked()).isTrue();
        assertThat(r.promptFeedback().blockReason()).isEqualTo(BlockReason.SAFETY);
        assertThat(r.promptFeedback().safetyRatings())
                .containsExactly(new SafetyRating(HarmCategory.HARM_CATEGORY_HARASSMENT, HarmProbability.HIGH, true));
    }

    @Test
    void fullyExpandedResponseOfSection5_13() {
        GenerateContentResponse r = read("response-full.json", GenerateContentResponse.class);
        Candidate c = r.firstCandidate();
        assertThat(c.finishReason()).isEqualTo(FinishReason.RECITATION);
        assertThat(c.tokenCount()).isEqualTo(3);
        assertThat(c.citationMetadata().citationSources())
                .containsExactly(new CitationSource(0, 8, "https://example.com/a", "MIT"));
        assertThat(c.groundingAttributions()).hasSize(2);
        assertThat(c.groundingAttributions().get(0).sourceId().groundingPassage())
                .isEqualTo(new GroundingPassageId("p1", 2));
        assertThat(c.groundingAttributions().get(1).sourceId().semanticRetrieverChunk())
                .isEqualTo(new SemanticRetrieverChunk("corpora/123", "corpora/123/documents/abc/chunks/xyz"));
        assertThat(c.groundingAttributions().get(1).content().text()).isEqualTo("chunk");
        assertThat(r.promptFeedback().blockReason()).isNull();
        assertThat(r.usageMetadata().cachedContentTokenCount()).isEqualTo(4);
    }

    @Test
    void streamingChunksOfSection6() {
        GenerateContentResponse first = read("stream-chunk-1.json", GenerateContentResponse.class);
        GenerateContentResponse last = read("stream-chunk-2.json", GenerateContentResponse.class);
        assertThat(first.finishReason()).isNull();
        assertThat(first.text()).isEqualTo("Once upon a time");
        assertThat(last.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(last.text()).isEqualTo(", a backpack...");
        assertThat(last.usageMetadata().totalTokenCount()).isEqualTo(20);
    }

    @Test
    void runningOperationOfBeyondTheSeeds() {
        Operation op = read("operation-running.json", Operation.class);
        assertThat(op.name()).isEqualTo("tunedModels/sentence-translator-u3b7m/operations/8v1a2b3c");
        assertThat(op.isDone()).isFalse();
        assertThat(op.metadataType()).isEqualTo(CreateTunedModelMetadata.TYPE_URL);
        CreateTunedModelMetadata md = op.createTunedModelMetadata().orElseThrow();
        assertThat(md.tunedModel()).isEqualTo("tunedModels/sentence-translator-u3b7m");
        assertThat(md.totalSteps()).isEqualTo(38);
        assertThat(md.completedSteps()).isEqualTo(12);
        assertThat(md.completedPercent()).isEqualTo(31.6);
        assertThat(md.snapshots())
                .containsExactly(new TuningSnapshot(1, 1, 1.93, Instant.parse("2024-05-01T10:00:02.123Z")));
        assertThat(op.tunedModel()).isEmpty();
    }

    @Test
    void illustrativeOperationOfSection9_11() {
        Operation op = read("operation-illustrative.json", Operation.class);
        assertThat(op.name()).endsWith("/operations/000-111-222");
        assertThat(op.done()).isFalse();
        assertThat(op.metadataType()).isEqualTo("<metadata type URI - not stated in the seeds>");
        assertThat(op.error()).isNull();
        assertThat(op.response()).isNull();
    }

    @Test
    void errorBodyOfBeyondTheSeeds() {
        ErrorResponse e = read("error-429.json", ErrorResponse.class);
        assertThat(e.error().code()).isEqualTo(429);
        assertThat(e.error().status()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(e.error().message()).startsWith("Resource has been exhausted");
        assertThat(e.error().retryDelay()).isEqualTo("34s");
        assertThat(e.error().details()).hasSize(1);
    }

    @Test
    void tunedModelOfSection9_12WithAllTimestampForms() {
        TunedModel m = read("tuned-model-full.json", TunedModel.class);
        assertThat(m.state()).isEqualTo(TunedModel.State.ACTIVE);
        assertThat(m.createTime()).isEqualTo(Instant.parse("2014-10-02T15:01:23Z"));
        assertThat(m.updateTime()).isEqualTo(Instant.parse("2014-10-02T15:01:23.045123456Z"));
        assertThat(m.tuningTask().startTime()).isEqualTo(Instant.parse("2014-10-02T09:31:23Z"));
        assertThat(m.tuningTask().completeTime()).isEqualTo(Instant.parse("2014-10-02T15:01:23.045Z"));
        assertThat(m.tuningTask().snapshots().get(0).computeTime())
                .isEqualTo(Instant.parse("2014-10-02T15:01:23.045123Z"));
        assertThat(m.tuningTask().trainingData().examples().examples()).containsExactly(new TuningExample("1", "2"));
        assertThat(m.tuningTask().hyperparameters()).isEqualTo(new Hyperparameters(0.001, null, 20, 4));
        assertThat(m.readerProjectNumbers()).containsExactly("123456789012");
        assertThat(m.baseModel()).isEqualTo("models/gemini-1.5-flash-001");
        assertThat(m.temperature()).isEqualTo(0.5);
        assertThat(m.topK()).isEqualTo(40);
    }

    @Test
    void listTunedModelsResponseOfSection9_10() {
        ListTunedModelsResponse page = read("list-tuned-models.json", ListTunedModelsResponse.class);
        assertThat(page.hasNextPage()).isTrue();
        assertThat(page.nextPageToken()).isEqualTo("page-2");
        assertThat(page.tunedModels()).extracting(TunedModel::name).containsExactly("tunedModels/a", "tunedModels/b");
        assertThat(page.tunedModels().get(0).tunedModelSource())
                .isEqualTo(new TunedModelSource("tunedModels/b", "models/gemini-1.5-flash-001"));
        assertThat(page.tunedModels().get(0).state()).isEqualTo(TunedModel.State.CREATING);
    }
}
