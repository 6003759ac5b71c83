package dev.tunegate.engine.platform.discovery;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Reports each non-critical discovery issue once per launcher session instead of once per discovery.
 * Maven Surefire discovers the test classes twice in one session (its scan, then the execution's own
 * discovery), and JUnit logs the issues of each: once from the scan, and again from the execution, both
 * by the outer launcher for the suite engine and by the suite engine's nested launcher for this engine
 * (three times in all). When this engine reports an issue only the first time in the session, the
 * execution's discovery has nothing left to log, so each issue is printed once (the broken suite still
 * fails as a container with the same messages). Critical issues (severity at least
 * {@code junit.platform.discovery.issue.severity.critical}, default ERROR) are reported every time: the
 * launcher relies on them to refuse to execute. Only discoveries by a session's launcher are filtered
 * (EngineTestKit, a launcher with auto-registration off and every new session report everything).
 * Registered through {@code META-INF/services}.
 */
@API(status = API.Status.INTERNAL)
public final class ReportedIssues implements LauncherSessionListener {

    private static final String CRITICAL_SEVERITY = "junit.platform.discovery.issue.severity.critical";

    /**
     * The issues already reported in the session whose launcher is discovering in this thread, while it
     * is (engines discover in the thread that called the launcher; the suite engine's nested discovery
     * runs inside the outer one).
     */
    private static final ThreadLocal<Set<String>> DISCOVERING = new ThreadLocal<>();

    /** Created by the launcher's service loader. */
    public ReportedIssues() {}

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Set<String> reported = ConcurrentHashMap.newKeySet();
        session.getLauncher().registerLauncherDiscoveryListeners(new LauncherDiscoveryListener() {
            private final Deque<Optional<Set<String>>> outer = new ArrayDeque<>();

            @Override
            public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
                outer.push(Optional.ofNullable(DISCOVERING.get()));
                DISCOVERING.set(reported);
            }

            @Override
            public void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
                Optional<Set<String>> previous = outer.isEmpty() ? Optional.empty() : outer.pop();
                if (previous.isPresent()) {
                    DISCOVERING.set(previous.get());
                } else {
                    DISCOVERING.remove();
                }
            }
        });
    }

    /**
     * {@code reporter} without the non-critical issues already reported in the launcher session that is
     * discovering in this thread; {@code reporter} itself outside such a discovery.
     */
    public static DiscoveryIssueReporter oncePerSession(
            DiscoveryIssueReporter reporter, ConfigurationParameters configuration) {
        Set<String> reported = DISCOVERING.get();
        if (reported == null) {
            return reporter;
        }
        DiscoveryIssue.Severity critical = configuration
                .get(CRITICAL_SEVERITY)
                .map(value -> {
                    try {
                        return DiscoveryIssue.Severity.valueOf(value.strip().toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        return DiscoveryIssue.Severity.ERROR;
                    }
                })
                .orElse(DiscoveryIssue.Severity.ERROR);
        return issue -> {
            if (issue.severity().compareTo(critical) >= 0 || reported.add(key(issue))) {
                reporter.reportIssue(issue);
            }
        };
    }

    private static String key(DiscoveryIssue issue) {
        return issue.severity() + "\u0000"
                + issue.source().map(Object::toString).orElse("") + "\u0000" + issue.message();
    }
}
