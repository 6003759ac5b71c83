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
 */
@API(status = API.Status.INTERNAL)
public record RunResult(
        String runId, Instant startedAt, Instant finishedAt, String commit, List<SuiteResult> suites, Shard shard) {

    public RunResult {
        suites = List.copyOf(suites);
    }

    /** A run of every case (not sharded). */
    public RunResult(String runId, Instant startedAt, Instant finishedAt, String commit, List<SuiteResult> suites) {
        this(runId, startedAt, finishedAt, commit, suites, null);
    }

    /** Whether every gate of every suite passed. */
    public boolean passed() {
        return suites.stream().flatMap(s -> s.verdicts().stream()).allMatch(v -> v.passed());
    }
}
