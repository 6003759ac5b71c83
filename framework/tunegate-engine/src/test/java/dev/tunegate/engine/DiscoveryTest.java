package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUri;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.FilePosition;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.DiscoveryIssueException;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Every selector the engine supports, through EngineTestKit. */
class DiscoveryTest {

    static final String ECHO = "dev/tunegate/engine/suites/echo.eval.yaml";
    static final String SINGLE = "dev/tunegate/engine/suites/single.eval.yaml";
    static final Path SUITES = Paths.get("src/test/resources/dev/tunegate/engine/suites");

    static EngineDiscoveryResults discover(DiscoverySelector... selectors) {
        return EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .selectors(selectors)
                .discover();
    }

    static List<TestDescriptor> tests(EngineDiscoveryResults results) {
        List<TestDescriptor> tests = new ArrayList<>();
        results.getEngineDescriptor().accept(d -> {
            if (d.isTest()) {
                tests.add(d);
            }
        });
        return tests;
    }

    static Set<String> names(EngineDiscoveryResults results) {
        return tests(results).stream()
                .map(TestDescriptor::getDisplayName)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    @Test
    void classpathResourceGivesSuiteCaseAndVariantTests() {
        EngineDiscoveryResults results = discover(selectClasspathResource(ECHO));
        assertThat(results.getDiscoveryIssues()).isEmpty();
        TestDescriptor suite =
                results.getEngineDescriptor().getChildren().iterator().next();
        assertThat(suite.getDisplayName()).isEqualTo("echo");
        assertThat(suite.getUniqueId().getLastSegment().getValue()).isEqualTo("classpath:/" + ECHO);
        assertThat(suite.getSource())
                .contains(ClasspathResourceSource.from(
                        ECHO, org.junit.platform.engine.support.descriptor.FilePosition.from(1, 1)));
        assertThat(suite.getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly(
                        "same-both",
                        "greet",
                        "multi-turn",
                        "jsonl-one",
                        "jsonl-two",
                        "csv-paris",
                        "csv-rome",
                        "yaml-one",
                        "echo › gate [loud]");
        assertThat(tests(results))
                .as("8 cases × 2 variants + the gate test of candidate 'loud'")
                .hasSize(17);
        assertThat(names(results)).contains("echo › greet [base]", "echo › greet [loud]");
    }

    @Test
    void casesKeepTheirLineTagsAndFile() {
        EngineDiscoveryResults results = discover(selectClasspathResource(ECHO));
        TestDescriptor greet = find(results, "echo › greet [loud]");
        assertThat(greet.getTags())
                .containsExactly(TestTag.create("critical"), TestTag.create("smoke"), TestTag.create("variant-loud"));
        ClasspathResourceSource source =
                (ClasspathResourceSource) greet.getSource().orElseThrow();
        assertThat(source.getClasspathResourceName()).isEqualTo(ECHO);
        assertThat(source.getPosition())
                .contains(org.junit.platform.engine.support.descriptor.FilePosition.from(19, 5));
        ClasspathResourceSource fromJsonl = (ClasspathResourceSource)
                find(results, "echo › jsonl-two [base]").getSource().orElseThrow();
        assertThat(fromJsonl.getClasspathResourceName()).isEqualTo("dev/tunegate/engine/suites/data/more.jsonl");
        assertThat(fromJsonl.getPosition().orElseThrow().getLine()).isEqualTo(3);
        ClasspathResourceSource fromCsv = (ClasspathResourceSource)
                find(results, "echo › csv-rome [base]").getSource().orElseThrow();
        assertThat(fromCsv.getPosition().orElseThrow().getLine()).isEqualTo(3);
        ClasspathResourceSource fromYaml = (ClasspathResourceSource)
                find(results, "echo › yaml-one [base]").getSource().orElseThrow();
        assertThat(fromYaml.getPosition().orElseThrow().getLine()).isEqualTo(1);
        assertThat(find(results, "echo › csv-paris [base]").getTags())
                .contains(TestTag.create("geo"), TestTag.create("smoke"));
    }

    @Test
    void aDefaultsMatcherIsOneInstanceSharedByEveryCase() {
        // A large suite holds its cases for the whole run: the defaults' matchers are not copied per case.
        EngineDiscoveryResults results = discover(selectClasspathResource(ECHO));
        TestDescriptor suite =
                results.getEngineDescriptor().getChildren().iterator().next();
        List<dev.tunegate.engine.matchers.Matcher> firsts = suite.getChildren().stream()
                .filter(d -> d instanceof dev.tunegate.engine.platform.descriptor.CaseDescriptor)
                .map(d -> ((dev.tunegate.engine.platform.descriptor.CaseDescriptor) d)
                        .matchers()
                        .get(0))
                .toList();
        assertThat(firsts).hasSize(8).allSatisfy(m -> assertThat(m).isSameAs(firsts.get(0)));
        assertThat(firsts.get(0).description()).contains("finishReason");
    }

    @Test
    void packageSelectorFindsOnlyEvalYamlFiles() {
        EngineDiscoveryResults results = discover(selectPackage("dev.tunegate.engine.suites"));
        assertThat(results.getEngineDescriptor().getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactlyInAnyOrder("echo", "single");
        assertThat(tests(results))
                .as("variant tests plus one gate test per suite")
                .hasSize(20);
    }

    @Test
    void classpathRootFindsEverySuiteIncludingBrokenOnes() {
        Path root = Paths.get("target/test-classes").toAbsolutePath();
        EngineDiscoveryResults results =
                discover(selectClasspathRoots(Set.of(root)).toArray(DiscoverySelector[]::new));
        assertThat(results.getEngineDescriptor().getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .as("issues: %s", results.getDiscoveryIssues())
                .hasSizeGreaterThanOrEqualTo(2 + 25);
    }

    @Test
    void directorySelectorWalksTheFileSystem() {
        EngineDiscoveryResults results = discover(selectDirectory(SUITES.toFile()));
        assertThat(results.getEngineDescriptor().getChildren())
                .extracting(TestDescriptor::getDisplayName)
                .containsExactly("echo", "single");
        TestDescriptor suite =
                results.getEngineDescriptor().getChildren().iterator().next();
        assertThat(suite.getSource().orElseThrow()).isInstanceOf(FileSource.class);
        assertThat(suite.getUniqueId().getLastSegment().getValue())
                .startsWith("file:/")
                .endsWith("suites/echo.eval.yaml");
    }

    @Test
    void fileSelectorSelectsTheSuite() {
        assertThat(names(discover(selectFile(SUITES.resolve("single.eval.yaml").toFile()))))
                .containsExactly("single › one [only]", "single › two [only]", "single › gate [only]");
    }

    @Test
    void fileSelectorWithLineSelectsOnlyThatCase() {
        EngineDiscoveryResults results =
                discover(selectFile(SUITES.resolve("echo.eval.yaml").toFile(), FilePosition.from(21)));
        // the gate comes with the case and judges it alone (issue 12: a selection never leaves a gate out)
        assertThat(names(results)).containsExactly("echo › greet [base]", "echo › greet [loud]", "echo › gate [loud]");
        assertThat(results.getDiscoveryIssues()).isEmpty();
    }

    @Test
    void lineOutsideAnyCaseSelectsTheWholeSuiteWithAWarning() {
        EngineDiscoveryResults results =
                discover(selectFile(SUITES.resolve("single.eval.yaml").toFile(), FilePosition.from(1)));
        assertThat(tests(results)).hasSize(3);
        assertThat(results.getDiscoveryIssues())
                .singleElement()
                .satisfies(issue -> assertThat(issue.message())
                        .contains("single.eval.yaml:1")
                        .contains("no case is written at this line"));
    }

    @Test
    void uriSelectorsForClasspathAndFileWithLine() {
        assertThat(names(discover(selectUri("classpath:/" + SINGLE + "?line=7"))))
                .containsExactly("single › two [only]", "single › gate [only]");
        URI file = SUITES.resolve("single.eval.yaml").toAbsolutePath().toUri();
        assertThat(names(discover(selectUri(URI.create(file + "?line=4")))))
                .containsExactly("single › one [only]", "single › gate [only]");
        assertThat(tests(discover(selectUri(file)))).hasSize(3);
    }

    @Test
    void classSelectorsAreNeverResolved() {
        EngineDiscoveryResults results = discover(selectClass(DiscoveryTest.class));
        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
    }

    @Test
    void packagesAndDirectoriesWithoutSuitesAreAWarningNamingWhereSuitesBelong(@TempDir Path empty) throws Exception {
        Files.writeString(empty.resolve("config.yaml"), "not: a suite\n");
        EngineDiscoveryResults results =
                discover(selectPackage("dev.tunegate.engine.nowhere"), selectDirectory(empty.toFile()));
        assertThat(results.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(results.getDiscoveryIssues()).singleElement().satisfies(issue -> {
            assertThat(issue.severity()).isEqualTo(org.junit.platform.engine.DiscoveryIssue.Severity.WARNING);
            assertThat(issue.message())
                    .startsWith("No evaluation suite found in package 'dev.tunegate.engine.nowhere', directory " + empty
                            + ", so no suite runs")
                    .contains(
                            "dev/tunegate/engine/nowhere/**/*.eval.yaml on the classpath (src/test/resources/dev/tunegate/engine/nowhere/ in a Maven project)")
                    .contains(empty + "/**/*.eval.yaml");
        });
        // The README's way to make it fail the run: JUnit's critical severity.
        assertThatThrownBy(() -> LauncherFactory.create()
                        .discover(LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectPackage("dev.tunegate.engine.nowhere"))
                                .filters(EngineFilter.includeEngines("tunegate"))
                                .configurationParameter("junit.platform.discovery.issue.severity.critical", "WARNING")
                                .build()))
                .isInstanceOf(DiscoveryIssueException.class)
                .hasMessageContaining("No evaluation suite found");
    }

    @Test
    void noWarningForSelectorsTheEngineIgnoresOrWhenAnySuiteIsFound() {
        assertThat(discover(
                                selectClass(DiscoveryTest.class),
                                org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod(
                                        DiscoveryTest.class,
                                        "noWarningForSelectorsTheEngineIgnoresOrWhenAnySuiteIsFound"))
                        .getDiscoveryIssues())
                .as("class and method selectors (Surefire's) are not the engine's")
                .isEmpty();
        assertThat(discover(selectPackage("dev.tunegate.engine.nowhere"), selectPackage("dev.tunegate.engine.suites"))
                        .getDiscoveryIssues())
                .isEmpty();
    }

    @Test
    void plainYamlFilesAreNotSuites() {
        assertThat(discover(selectClasspathResource("dev/tunegate/engine/suites/plain.yaml"))
                        .getEngineDescriptor()
                        .getChildren())
                .isEmpty();
    }

    @Test
    void everyProducedUniqueIdResolvesBackToTheSameTests() {
        EngineDiscoveryResults all =
                discover(selectPackage("dev.tunegate.engine.suites"), selectDirectory(SUITES.toFile()));
        List<TestDescriptor> descriptors = new ArrayList<>();
        all.getEngineDescriptor().accept(d -> {
            if (!d.isRoot()) {
                descriptors.add(d);
            }
        });
        assertThat(descriptors).hasSizeGreaterThan(50);
        for (TestDescriptor descriptor : descriptors) {
            EngineDiscoveryResults again = discover(selectUniqueId(descriptor.getUniqueId()));
            Set<UniqueId> expected = new java.util.HashSet<>();
            // a gate's id runs its whole suite; a case's or a test's id brings the suite's gate tests along
            TestDescriptor selected =
                    descriptor.getUniqueId().getLastSegment().getType().equals("gate")
                            ? descriptor.getParent().orElseThrow()
                            : descriptor;
            selected.accept(d -> {
                if (d.isTest()) {
                    expected.add(d.getUniqueId());
                }
            });
            TestDescriptor suite = descriptor;
            while (!suite.getUniqueId().getLastSegment().getType().equals("suite")) {
                suite = suite.getParent().orElseThrow();
            }
            suite.getChildren().stream()
                    .filter(d -> d.getUniqueId().getLastSegment().getType().equals("gate"))
                    .forEach(d -> expected.add(d.getUniqueId()));
            Set<UniqueId> actual =
                    tests(again).stream().map(TestDescriptor::getUniqueId).collect(Collectors.toSet());
            assertThat(actual).as("tests for %s", descriptor.getUniqueId()).isEqualTo(expected);
            assertThat(again.getEngineDescriptor().findByUniqueId(descriptor.getUniqueId()))
                    .get()
                    .extracting(TestDescriptor::getDisplayName)
                    .isEqualTo(descriptor.getDisplayName());
        }
    }

    static TestDescriptor find(EngineDiscoveryResults results, String displayName) {
        return tests(results).stream()
                .filter(t -> t.getDisplayName().equals(displayName))
                .findFirst()
                .orElseThrow();
    }

    static File file(String relative) {
        return SUITES.resolve(relative).toFile();
    }
}
