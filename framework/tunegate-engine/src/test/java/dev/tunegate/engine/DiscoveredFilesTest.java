package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Which files discovery runs: symbolic links leaving the project, stale copies of deleted suites. */
class DiscoveredFilesTest {

    private static final String SUITE = "models: {base: models/echo}\ncases:\n  - id: a\n    prompt: hi\n";

    private static EngineTestKit.Builder kit() {
        return EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()));
    }

    private static List<String> messages(EngineDiscoveryResults results) {
        return results.getDiscoveryIssues().stream()
                .map(DiscoveryIssue::message)
                .toList();
    }

    @Test
    void aSymlinkLeavingTheProjectRootIsADiscoveryIssueNotSilence(@TempDir Path project, @TempDir Path elsewhere)
            throws Exception {
        Files.writeString(elsewhere.resolve("outside.eval.yaml"), SUITE);
        Path suites = Files.createDirectories(project.resolve("suites"));
        Files.writeString(suites.resolve("inside.eval.yaml"), SUITE);
        Path link = Files.createSymbolicLink(suites.resolve("shared"), elsewhere);

        EngineDiscoveryResults all = kit().configurationParameter("tunegate.project-root", project.toString())
                .selectors(selectDirectory(suites.toFile()))
                .discover();
        assertThat(all.getEngineDescriptor().getChildren()).hasSize(1);
        assertThat(messages(all))
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .contains(link.toString())
                        .contains("is a symbolic link to")
                        .contains("outside the project root"));

        EngineDiscoveryResults named = kit().configurationParameter("tunegate.project-root", project.toString())
                .selectors(selectDirectory(link.toFile()))
                .discover();
        assertThat(messages(named)).anySatisfy(m -> assertThat(m).contains("outside the project root"));
    }

    @Test
    void aSymlinkInsideTheProjectRootIsFollowed(@TempDir Path project) throws Exception {
        Path real = Files.createDirectories(project.resolve("real"));
        Files.writeString(real.resolve("a.eval.yaml"), SUITE);
        Path suites = Files.createDirectories(project.resolve("suites"));
        Files.createSymbolicLink(suites.resolve("linked"), real);
        EngineDiscoveryResults results = kit().configurationParameter("tunegate.project-root", project.toString())
                .selectors(selectDirectory(suites.toFile()))
                .discover();
        assertThat(results.getEngineDescriptor().getChildren()).hasSize(1);
        assertThat(results.getDiscoveryIssues()).isEmpty();
    }

    @Test
    void aSuiteLeftInTargetTestClassesAfterItsSourceWasDeletedIsSkippedWithAReason(@TempDir Path module)
            throws Exception {
        Files.writeString(module.resolve("pom.xml"), "<project/>");
        Files.createDirectories(module.resolve("src/test/resources/suites"));
        Files.writeString(module.resolve("src/test/resources/suites/kept.eval.yaml"), SUITE);
        Path output = Files.createDirectories(module.resolve("target/test-classes/suites"));
        Files.writeString(output.resolve("kept.eval.yaml"), SUITE);
        Files.writeString(output.resolve("deleted.eval.yaml"), SUITE);

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {module.resolve("target/test-classes").toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            EngineDiscoveryResults results = kit().selectors(
                            selectClasspathResource("suites/kept.eval.yaml"),
                            selectClasspathResource("suites/deleted.eval.yaml"))
                    .discover();
            assertThat(results.getEngineDescriptor().getChildren())
                    .singleElement()
                    .satisfies(d -> assertThat(d.getDisplayName()).isEqualTo("kept"));
            assertThat(messages(results))
                    .anySatisfy(m -> assertThat(m)
                            .startsWith("suites/deleted.eval.yaml is only in the build output")
                            .contains("no longer exists")
                            .contains("mvn clean"));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
