package dev.tunegate.engine.results.allure;

import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Keeps Allure showing the true outcome when {@code allure-junit-platform} reports TuneGate's tests:
 * that listener maps a JUnit <em>aborted</em> test (a tolerated failure) to {@code skipped}; just before
 * the result is written, this restores the status TuneGate recorded for it. Registered through
 * {@code META-INF/services/io.qameta.allure.listener.TestLifecycleListener}.
 */
@API(status = API.Status.INTERNAL)
public final class TrueStatusListener implements TestLifecycleListener {

    private static final Map<String, Outcome> PENDING = new ConcurrentHashMap<>();

    /** Remembers the true outcome of the Allure test {@code uuid}. */
    static void remember(String uuid, Status status, StatusDetails details) {
        PENDING.put(uuid, new Outcome(status, details));
    }

    @Override
    public void beforeTestWrite(TestResult result) {
        Outcome outcome = PENDING.remove(result.getUuid());
        if (outcome != null) {
            result.setStatus(outcome.status());
            result.setStatusDetails(outcome.details());
        }
    }

    private record Outcome(Status status, StatusDetails details) {}
}
