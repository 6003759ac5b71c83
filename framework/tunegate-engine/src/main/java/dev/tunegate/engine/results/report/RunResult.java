package dev.tunegate.engine.results.report;

import dev.tunegate.engine.config.Shard;
import java.time.Instant;
import java.util.List;
import org.apiguardian.api.API;

/**
 * One TuneGate run: what every report is written from.
 *
 * @param runId      unique id of the run
 * @param startedAt  when the run started
 * @param finishedAt when the run finished
 * @param commit     git commit the run tested, or null when unknown
 * @param suites     every suite, in execution order
 * @param shard      the shard this run ran ({@code tunegate.shard}), or null for every case
 * @param incomplete why the run could not make all its calls (e.g. {@code tunegate.budget}), or null when it could
 */
@API(status = API.Status.INTERNAL)
public record RunResult(
        String runId,
        Instant startedAt,
        Instant finishedAt,
        String commit,
        List<SuiteResult> suites,
        Shard shard,
        String incomplete) {

    public RunResult {
        suites = List.copyOf(suites);
    }

    /** A run of every case (not sharded). */
    public RunResult(String runId, Instant startedAt, Instant finishedAt, String commit, List<SuiteResult> suites) {
        this(runId, startedAt, finishedAt, commit, suites, null, null);
    }

    /** Whether the run made all its calls and every gate of every suite passed (an incomplete run never passes). */
    public boolean passed() {
        return incomplete == null
                && suites.stream().flatMap(s -> s.verdicts().stream()).allMatch(v -> v.passed());
    }
}
