package dev.tunegate.emulator;

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
 * The emulator's supported surface, pinned: the launcher ({@link GeminiEmulator}, its builder,
 * {@link EmulatorMain}), what it is configured with and the documented extension seams. Every other
 * public type is {@code @API(status = INTERNAL)}. Widening the surface means changing {@link #SUPPORTED}.
 */
@AnalyzeClasses(packages = "dev.tunegate.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
final class EmulatorPublicApiTest {

    /** Public top-level types that are not INTERNAL, sorted. */
    private static final List<String> SUPPORTED = List.of(
            "dev.tunegate.emulator.EmulatorContext",
            "dev.tunegate.emulator.EmulatorMain",
            "dev.tunegate.emulator.GeminiEmulator",
            "dev.tunegate.emulator.TunedModelService",
            "dev.tunegate.emulator.TunedModelServiceFactory",
            "dev.tunegate.emulator.faults.FaultPlan",
            "dev.tunegate.emulator.generation.Answer",
            "dev.tunegate.emulator.generation.Answerer",
            "dev.tunegate.emulator.generation.Prompt",
            "dev.tunegate.emulator.generation.Sampler",
            "dev.tunegate.emulator.generation.ServedModel",
            "dev.tunegate.emulator.generation.Turn",
            "dev.tunegate.emulator.http.ApiException",
            "dev.tunegate.emulator.http.ApiRequest",
            "dev.tunegate.emulator.http.ApiResponse",
            "dev.tunegate.emulator.http.ErrorBody",
            "dev.tunegate.emulator.safety.SafetyClassifier",
            "dev.tunegate.emulator.tokenizer.Tokenizer");

    /** Every public type says what it is: supported (STABLE, EXPERIMENTAL, ...) or INTERNAL. */
    @ArchTest
    static final ArchRule publicTypesDeclareTheirStatus =
            classes().that().arePublic().and().areTopLevelClasses().should().beAnnotatedWith(API.class);

    @ArchTest
    static void supportedSurfaceIsPinned(JavaClasses classes) {
        List<String> supported = classes.stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> !isInternal(c))
                .map(JavaClass::getName)
                .sorted()
                .toList();
        assertThat(supported).containsExactlyElementsOf(SUPPORTED);
    }

    @ArchTest
    static void theLauncherIsStable(JavaClasses classes) {
        for (Class<?> type : List.of(GeminiEmulator.class, GeminiEmulator.Builder.class, EmulatorMain.class)) {
            assertThat(classes.get(type).getAnnotationOfType(API.class).status())
                    .as(type.getName())
                    .isEqualTo(API.Status.STABLE);
        }
    }

    private static boolean isInternal(JavaClass c) {
        return c.tryGetAnnotationOfType(API.class)
                .map(a -> a.status() == API.Status.INTERNAL)
                .orElse(false);
    }
}
