package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * The verdict block at the end of a run, as Surefire runs it: one launcher session, the engine
 * launched once per {@code @Suite} class inside it, the block logged once when the session closes.
 */
class VerdictLogTest {

    @Suite
    @IncludeEngines("tunegate")
    @SelectClasspathResource("dev/tunegate/engine/e2e/emulator.eval.yaml")
    static class EmulatorSuite {}

    @Suite
    @IncludeEngines("tunegate")
    @SelectClasspathResource("dev/tunegate/engine/suites/single.eval.yaml")
    static class SingleSuite {}

    @TempDir
    Path reports;

    @Test
    void oneBlockPerSessionNamesEveryGateItsRulesAndWhereTheReportsAre() {
        List<String> blocks = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.INFO
                        && record.getMessage().startsWith("TuneGate: ")
                        && record.getMessage().contains(reports.toString())) {
                    blocks.add(record.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("dev.tunegate.engine");
        logger.addHandler(handler);
        try (LauncherSession session = LauncherFactory.openSession()) {
            session.getLauncher()
                    .execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectClass(EmulatorSuite.class), selectClass(SingleSuite.class))
                            .filters(includeEngines("junit-platform-suite"))
                            .configurationParameter("tunegate.reports.dir", reports.toString())
                            // single.eval.yaml calls the test gateways' models/echo: on the emulator it calls one
                            // of its models (an unknown model would fail the suite at discovery, without a gate)
                            .configurationParameter("tunegate.model.only", "models/gemini-2.0-flash")
                            .build());
            assertThat(blocks).as("nothing before the session closes").isEmpty();
        } finally {
            logger.removeHandler(handler);
        }

        assertThat(blocks).as("one block for the two @Suite launches").hasSize(1);
        String block = blocks.get(0);
        Path tunegate = reports.toAbsolutePath().normalize().resolve("tunegate");
        assertThat(block)
                .startsWith("TuneGate: ")
                .contains("  REJECT  emulator: candidate 'flash15' vs baseline 'flash'\n")
                .containsPattern("    check +required +actual +result\n")
                .containsPattern(
                        "    allPass +every case passes \\(strict mode, no gate block\\) +\\d+ \\(.*impossible.*\\) +FAILED\n")
                .containsPattern("  (PROMOTE|REJECT)  single: candidate 'only'\n")
                .contains("  summary.md     " + tunegate.resolve("summary.md"))
                .contains("  compare.html   " + tunegate.resolve("compare.html"))
                .contains("  Allure report  "
                        + reports.toAbsolutePath()
                                .normalize()
                                .resolve("allure-report")
                                .resolve("index.html"));
    }
}
