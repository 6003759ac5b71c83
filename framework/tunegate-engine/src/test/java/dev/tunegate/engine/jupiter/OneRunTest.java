package dev.tunegate.engine.jupiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.testkit.engine.EngineTestKit;

/** YAML suites and Java evals in one launch write one summary; a partial selection still judges the gate. */
class OneRunTest {

    @TempDir
    Path dir;

    @Test
    void yamlSuitesAndJavaEvalsOfOneLaunchShareOneSummary() throws Exception {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher()
                    .execute(
                            LauncherDiscoveryRequestBuilder.request()
                                    .selectors(
                                            selectClasspathResource("dev/tunegate/engine/e2e/emulator.eval.yaml"),
                                            selectClass(JavaEvalTest.Conversation.class))
                                    .configurationParameter("tunegate.reports.dir", dir.toString())
                                    .build(),
                            summary);
        }
        // 8 YAML tests (4 cases on 2 variants) + the YAML gate, 4 Java invocations + the Java gate
        assertThat(summary.getSummary().getTestsStartedCount()).isEqualTo(14);

        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("tunegate/summary.json")));
        List<String> locations = new ArrayList<>();
        json.path("suites").forEach(s -> locations.add(s.path("location").asText()));
        assertThat(locations)
                .containsExactlyInAnyOrder(
                        "classpath:/dev/tunegate/engine/e2e/emulator.eval.yaml",
                        "class:" + JavaEvalTest.Conversation.class.getName());
        assertThat(Files.readString(dir.resolve("tunegate/summary.md")))
                .contains("emulator")
                .contains("Conversation");
    }

    @Test
    void aSelectionOfSomeMethodsJudgesTheGateWhenTheClassEnds() {
        EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(JavaEvalTest.Conversation.class, "impossible", ModelUnderTest.class.getName()))
                .configurationParameter("tunegate.reports.dir", dir.toString())
                .execute()
                .allEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container("Conversation"),
                                finishedWithFailure(message(m -> m.contains("Gate FAILED for suite 'Conversation'")
                                        && m.contains("0.000 (0/1")))));
    }
}
