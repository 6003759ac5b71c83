package dev.tunegate.cli;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The CLI sits on top of every other module: the TuneGate classes on its classpath (client,
 * emulator, engine, CLI) have no package cycles and no two of them share a simple name.
 */
class CliArchitectureTest {

    static final JavaClasses TUNEGATE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tunegate");

    @Test
    void theModulesTogetherHaveNoPackageCycles() {
        slices().matching("dev.tunegate.(**)").should().beFreeOfCycles().check(TUNEGATE);
    }

    @Test
    void noTwoMainClassesShareASimpleName() {
        Map<String, List<String>> byName = TUNEGATE.stream()
                .filter(JavaClass::isTopLevelClass)
                .filter(c -> !c.getSimpleName().equals("package-info"))
                .collect(Collectors.groupingBy(
                        JavaClass::getSimpleName, Collectors.mapping(JavaClass::getName, Collectors.toList())));
        assertThat(byName.values().stream().filter(names -> names.size() > 1).toList())
                .as("classes of different TuneGate modules or packages with the same simple name")
                .isEmpty();
        assertThat(byName.keySet())
                .as("all four modules were imported")
                .contains("GeminiClient", "GeminiEmulator", "TuneGateTestEngine", "TuneGateCli");
    }
}
