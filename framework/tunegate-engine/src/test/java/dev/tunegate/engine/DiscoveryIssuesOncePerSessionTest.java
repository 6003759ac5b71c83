package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Build tools discover more than once in one launcher session (Surefire: its scan, then the execution); each
 * non-critical issue is reported the first time only, so JUnit logs it once. Critical issues are reported by
 * every discovery (the launcher refuses to execute on them), and separate sessions each get every issue.
 */
class DiscoveryIssuesOncePerSessionTest {

    private final List<DiscoveryIssue> issues = new CopyOnWriteArrayList<>();

    private LauncherDiscoveryRequest request(String... parameters) {
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClasspathResource("dev/tunegate/engine/broken/bad-template.eval.yaml"))
                .filters(includeEngines("tunegate"))
                .configurationParameter("tunegate.mode", "replay") // models/echo is a test model: no lookup
                .listeners(new LauncherDiscoveryListener() {
                    @Override
                    public void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
                        issues.add(issue);
                    }
                });
        for (int i = 0; i < parameters.length; i += 2) {
            builder.configurationParameter(parameters[i], parameters[i + 1]);
        }
        return builder.build();
    }

    @Test
    void aWarningIsReportedByTheFirstDiscoveryOfASessionOnly() {
        try (LauncherSession session = LauncherFactory.openSession()) {
            Launcher launcher = session.getLauncher();
            launcher.discover(request());
            int first = issues.size();
            launcher.discover(request());
            assertThat(first).isPositive();
            assertThat(issues).as("the second discovery of the session").hasSize(first);
        }
    }

    @Test
    void eachSessionReportsItsIssues() {
        for (int i = 0; i < 2; i++) {
            try (LauncherSession session = LauncherFactory.openSession()) {
                session.getLauncher().discover(request());
            }
        }
        assertThat(issues).hasSizeGreaterThanOrEqualTo(2);
        assertThat(issues.subList(0, issues.size() / 2)).isEqualTo(issues.subList(issues.size() / 2, issues.size()));
    }

    @Test
    void criticalIssuesAreReportedByEveryDiscovery() {
        try (LauncherSession session = LauncherFactory.openSession()) {
            Launcher launcher = session.getLauncher();
            String[] warningsAreCritical = {"junit.platform.discovery.issue.severity.critical", "WARNING"};
            try {
                launcher.discover(request(warningsAreCritical));
            } catch (RuntimeException expected) {
                // the launcher refuses a discovery with critical issues
            }
            int first = issues.size();
            try {
                launcher.discover(request(warningsAreCritical));
            } catch (RuntimeException expected) {
                // again
            }
            assertThat(first).isPositive();
            assertThat(issues).hasSize(2 * first);
        }
    }
}
