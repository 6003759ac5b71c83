package dev.tunegate.emulator;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The emulator's structure: its packages depend on each other without cycles, and of TuneGate it uses
 * only the client (the wire types), never the engine or the CLI, which depend on it.
 */
@AnalyzeClasses(packages = "dev.tunegate.emulator", importOptions = ImportOption.DoNotIncludeTests.class)
final class EmulatorArchitectureTest {

    /**
     * Every package is a slice, the root package {@code dev.tunegate.emulator} included (the pattern
     * {@code dev.tunegate.emulator.(**)} leaves the root package out of every slice).
     */
    private static final SliceAssignment EMULATOR_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.equals("dev.tunegate.emulator") || name.startsWith("dev.tunegate.emulator.")
                    ? SliceIdentifier.of(name)
                    : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of dev.tunegate.emulator";
        }
    };

    @ArchTest
    static final ArchRule packagesHaveNoCycles =
            slices().assignedFrom(EMULATOR_PACKAGES).should().beFreeOfCycles();

    @ArchTest
    static final ArchRule subPackagesHaveNoCycles =
            slices().matching("dev.tunegate.emulator.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule usesOnlyTheClientOfTuneGate = classes()
            .that()
            .resideInAPackage("dev.tunegate.emulator..")
            .should()
            .onlyDependOnClassesThat(not(resideInAnyPackage("dev.tunegate..")
                    .and(resideOutsideOfPackage("dev.tunegate.emulator.."))
                    .and(resideOutsideOfPackage("dev.tunegate.client.."))))
            .as("the emulator uses nothing of TuneGate but dev.tunegate.client..");

    @ArchTest
    static final ArchRule doesNotUseTheEngineOrTheCli = noClasses()
            .that()
            .resideInAPackage("dev.tunegate.emulator..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.tunegate.engine..", "dev.tunegate.cli..");
}
