package dev.tunegate.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

/**
 * The engine's structure (see "For contributors" in the engine's README): packages without cycles,
 * layers that depend one way, the module rule, and the public API pinned so that widening it is a
 * deliberate act.
 */
class ArchitectureTest {

    /** The packages of the supported API; every other package is internal. */
    static final Set<String> API_PACKAGES =
            Set.of("dev.tunegate.engine", "dev.tunegate.engine.matchers", "dev.tunegate.engine.jupiter");

    /** Public types of the supported API: the engine's keys, the matcher SPI, the AssertJ entry point and Java evals. */
    static final List<String> PUBLIC_API = List.of(
            "dev.tunegate.engine.Constants",
            "dev.tunegate.engine.TuneGateTestEngine",
            "dev.tunegate.engine.jupiter.Chat",
            "dev.tunegate.engine.jupiter.Gate",
            "dev.tunegate.engine.jupiter.ModelTest",
            "dev.tunegate.engine.jupiter.ModelUnderTest",
            "dev.tunegate.engine.jupiter.TuneGateEval",
            "dev.tunegate.engine.jupiter.TuneGateExtension",
            "dev.tunegate.engine.jupiter.Variant",
            "dev.tunegate.engine.jupiter.VariantRole",
            "dev.tunegate.engine.jupiter.Variants",
            "dev.tunegate.engine.matchers.Grade",
            "dev.tunegate.engine.matchers.JudgeCall",
            "dev.tunegate.engine.matchers.JudgeResponse",
            "dev.tunegate.engine.matchers.JudgedMatcher",
            "dev.tunegate.engine.matchers.Matcher",
            "dev.tunegate.engine.matchers.MatcherContext",
            "dev.tunegate.engine.matchers.MatcherDefinitionException",
            "dev.tunegate.engine.matchers.MatcherFactory",
            "dev.tunegate.engine.matchers.MatcherOutcome",
            "dev.tunegate.engine.matchers.ModelAnswer",
            "dev.tunegate.engine.matchers.ModelAnswerAssert",
            "dev.tunegate.engine.matchers.TuneGateAssertions",
            "dev.tunegate.engine.matchers.TuneGateSoftAssertions",
            "dev.tunegate.engine.matchers.Verdict");

    static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tunegate.engine");

    /** model → run → results → platform and jupiter (side by side) → the composition root; configuration below them all. */
    static final ArchRule LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Config")
            .definedBy("dev.tunegate.engine.config..")
            .layer("Model")
            .definedBy("dev.tunegate.engine.model..", "dev.tunegate.engine.matchers..")
            .layer("Run")
            .definedBy("dev.tunegate.engine.run..")
            .layer("Results")
            .definedBy("dev.tunegate.engine.results..")
            .layer("Platform")
            .definedBy("dev.tunegate.engine.platform..")
            .layer("Jupiter")
            .definedBy("dev.tunegate.engine.jupiter..")
            .layer("Root")
            .definedBy("dev.tunegate.engine")
            .whereLayer("Root")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Platform")
            .mayOnlyBeAccessedByLayers("Root")
            .whereLayer("Jupiter")
            .mayOnlyBeAccessedByLayers("Root")
            .whereLayer("Results")
            .mayOnlyBeAccessedByLayers("Platform", "Jupiter", "Root")
            .whereLayer("Run")
            .mayOnlyBeAccessedByLayers("Results", "Platform", "Jupiter", "Root")
            .whereLayer("Model")
            .mayOnlyBeAccessedByLayers("Run", "Results", "Platform", "Jupiter", "Root");

    static final ArchRule NO_CYCLES =
            slices().matching("dev.tunegate.(**)").should().beFreeOfCycles();

    /** cli → engine → client, engine → emulator; nothing depends on the CLI. */
    static final ArchRule MODULES = noClasses().should().dependOnClassesThat().resideInAPackage("dev.tunegate.cli..");

    /** Only the run layer starts the embedded emulator. */
    static final ArchRule EMULATOR_ONLY_IN_RUN = noClasses()
            .that()
            .resideOutsideOfPackage("dev.tunegate.engine.run..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.tunegate.emulator..");

    @Test
    void packagesHaveNoCycles() {
        NO_CYCLES.check(ENGINE);
    }

    @Test
    void layersDependOneWay() {
        LAYERS.check(ENGINE);
    }

    @Test
    void modulesDependOneWay() {
        MODULES.check(ENGINE);
        EMULATOR_ONLY_IN_RUN.check(ENGINE);
    }

    @Test
    void publicTypesOutsideTheApiPackagesAreMarkedInternal() {
        List<String> unmarked = ENGINE.stream()
                .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> !API_PACKAGES.contains(c.getPackageName()))
                .filter(c -> !internal(c))
                .map(JavaClass::getName)
                .sorted()
                .toList();
        assertThat(unmarked)
                .as("public types of internal packages without @API(status = INTERNAL)")
                .isEmpty();
    }

    @Test
    void thePublicApiIsExactlyThePinnedList() {
        List<String> api = ENGINE.stream()
                .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> !internal(c))
                .map(JavaClass::getName)
                .sorted()
                .toList();
        assertThat(api)
                .as("public types not marked @API(status = INTERNAL); widen PUBLIC_API deliberately")
                .containsExactlyElementsOf(PUBLIC_API);
    }

    private static boolean internal(JavaClass type) {
        return type.tryGetAnnotationOfType(API.class)
                .map(a -> a.status() == API.Status.INTERNAL)
                .orElse(false);
    }
}
