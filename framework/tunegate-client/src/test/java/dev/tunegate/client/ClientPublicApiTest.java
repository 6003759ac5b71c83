package dev.tunegate.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The client's supported surface is the public top-level types not marked {@code @API(status = INTERNAL)}. The
 * list is pinned here: adding a public type (or dropping INTERNAL from one) fails this test until the list is
 * edited, so that widening the API is a deliberate act reviewed as such.
 */
@AnalyzeClasses(packages = "dev.tunegate.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientPublicApiTest {

    /** Sorted. */
    private static final List<String> SUPPORTED = List.of(
            "dev.tunegate.client.ClientMetrics",
            "dev.tunegate.client.CloudStorage",
            "dev.tunegate.client.GeminiApiException",
            "dev.tunegate.client.GeminiClient",
            "dev.tunegate.client.GenerateContentResult",
            "dev.tunegate.client.ModelName",
            "dev.tunegate.client.RetryEvent",
            "dev.tunegate.client.RetryListener",
            "dev.tunegate.client.RetryPolicy",
            "dev.tunegate.client.StreamInterruptedException",
            "dev.tunegate.client.StreamedResponse",
            "dev.tunegate.client.VertexBatchPredictionJobs",
            "dev.tunegate.client.VertexDeployment",
            "dev.tunegate.client.VertexTuningJobs",
            "dev.tunegate.client.model.AttributionSourceId",
            "dev.tunegate.client.model.Blob",
            "dev.tunegate.client.model.BlockReason",
            "dev.tunegate.client.model.Candidate",
            "dev.tunegate.client.model.CitationMetadata",
            "dev.tunegate.client.model.CitationSource",
            "dev.tunegate.client.model.CodeExecution",
            "dev.tunegate.client.model.CodeExecutionResult",
            "dev.tunegate.client.model.Content",
            "dev.tunegate.client.model.CreateTunedModelMetadata",
            "dev.tunegate.client.model.Dataset",
            "dev.tunegate.client.model.ExecutableCode",
            "dev.tunegate.client.model.FileData",
            "dev.tunegate.client.model.FinishReason",
            "dev.tunegate.client.model.FunctionCall",
            "dev.tunegate.client.model.FunctionCallingConfig",
            "dev.tunegate.client.model.FunctionDeclaration",
            "dev.tunegate.client.model.FunctionResponse",
            "dev.tunegate.client.model.GenerateContentRequest",
            "dev.tunegate.client.model.GenerateContentResponse",
            "dev.tunegate.client.model.GenerationConfig",
            "dev.tunegate.client.model.GroundingAttribution",
            "dev.tunegate.client.model.GroundingPassageId",
            "dev.tunegate.client.model.HarmBlockThreshold",
            "dev.tunegate.client.model.HarmCategory",
            "dev.tunegate.client.model.HarmProbability",
            "dev.tunegate.client.model.HarmSeverity",
            "dev.tunegate.client.model.Hyperparameters",
            "dev.tunegate.client.model.ListModelsResponse",
            "dev.tunegate.client.model.ListOperationsResponse",
            "dev.tunegate.client.model.ListTunedModelsResponse",
            "dev.tunegate.client.model.ListVertexBatchPredictionJobsResponse",
            "dev.tunegate.client.model.ListVertexTuningJobsResponse",
            "dev.tunegate.client.model.Model",
            "dev.tunegate.client.model.Operation",
            "dev.tunegate.client.model.Part",
            "dev.tunegate.client.model.PromptFeedback",
            "dev.tunegate.client.model.SafetyRating",
            "dev.tunegate.client.model.SafetySetting",
            "dev.tunegate.client.model.Schema",
            "dev.tunegate.client.model.SchemaType",
            "dev.tunegate.client.model.SemanticRetrieverChunk",
            "dev.tunegate.client.model.Status",
            "dev.tunegate.client.model.StorageObject",
            "dev.tunegate.client.model.ThinkingConfig",
            "dev.tunegate.client.model.Tool",
            "dev.tunegate.client.model.ToolConfig",
            "dev.tunegate.client.model.TunedModel",
            "dev.tunegate.client.model.TunedModelSource",
            "dev.tunegate.client.model.TuningExample",
            "dev.tunegate.client.model.TuningExamples",
            "dev.tunegate.client.model.TuningSnapshot",
            "dev.tunegate.client.model.TuningTask",
            "dev.tunegate.client.model.UsageMetadata",
            "dev.tunegate.client.model.VertexBatchPrediction",
            "dev.tunegate.client.model.VertexBatchPredictionJob",
            "dev.tunegate.client.model.VertexCheckpoint",
            "dev.tunegate.client.model.VertexHyperParameters",
            "dev.tunegate.client.model.VertexJobState",
            "dev.tunegate.client.model.VertexSupervisedTuningSpec",
            "dev.tunegate.client.model.VertexTunedModelRef",
            "dev.tunegate.client.model.VertexTuningJob");

    @ArchTest
    static final ArchRule everyPublicTypeStatesItsApiStatus = classes()
            .that()
            .arePublic()
            .and()
            .areTopLevelClasses()
            .should()
            .beAnnotatedWith(API.class)
            .because("a public type is either supported (STABLE, EXPERIMENTAL, ...) or INTERNAL, never undecided");

    @ArchTest
    static void publicTypesOutsideInternalAreExactlyThePinnedList(JavaClasses imported) {
        List<String> supported = imported.stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> !isInternal(c))
                .map(JavaClass::getName)
                .sorted()
                .toList();
        assertThat(supported)
                .as("public client types not marked @API(status = INTERNAL)")
                .containsExactlyElementsOf(SUPPORTED);
    }

    private static boolean isInternal(JavaClass type) {
        return type.tryGetAnnotationOfType(API.class)
                .map(api -> api.status() == API.Status.INTERNAL)
                .orElse(false);
    }
}
