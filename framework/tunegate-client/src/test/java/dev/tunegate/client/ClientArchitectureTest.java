package dev.tunegate.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The client's packages form no cycle, and the client stands alone among TuneGate's modules. */
@AnalyzeClasses(packages = "dev.tunegate.client", importOptions = ImportOption.DoNotIncludeTests.class)
class ClientArchitectureTest {

    /**
     * One slice per package, the root package included: {@code dev.tunegate.client.(**)} would leave the root
     * package out of every slice, and with it the model → root edge this rule exists to catch.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.tunegate.(**)")
            .as("packages of the client")
            .should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule dependsOnNoOtherTuneGateModule = noClasses()
            .that()
            .resideInAPackage("dev.tunegate.client..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.tunegate.engine..", "dev.tunegate.emulator..", "dev.tunegate.cli..");

    @ArchTest
    static final ArchRule modelNeedsNothingFromTheClientPackage = noClasses()
            .that()
            .resideInAPackage("dev.tunegate.client.model..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.tunegate.client");
}
