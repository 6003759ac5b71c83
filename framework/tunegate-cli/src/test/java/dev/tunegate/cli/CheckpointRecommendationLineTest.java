package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line {@code tunegate run} prints per checkpoint sweep, read from the run's summary.json. */
class CheckpointRecommendationLineTest {

    @TempDir
    Path dir;

    private GateRules read(String sweep) throws IOException {
        Path summary = dir.resolve("summary.json");
        Files.writeString(summary, """
                {"schemaVersion": 1, "runId": "r", "passed": false, "suites": [{"name": "support",
                  "location": "classpath:/suites/support.eval.yaml", "mode": "gate", "caseCount": 20,
                  "checkpointSweeps": [%s]}]}
                """.formatted(sweep));
        return GateRules.read(summary);
    }

    @Test
    void namesTheRecommendedCheckpointAndItsEndpoint() throws IOException {
        GateRules rules = read("""
                {"variant": "cand", "tuningJob": "projects/p/locations/l/tuningJobs/42", "baseline": "base",
                 "best": "cand@3", "margin": 0.25, "confidence": 0.95, "checkpoints": [],
                 "recommendation": {"variant": "cand@2", "tuningJob": "projects/p/locations/l/tuningJobs/42",
                   "checkpointId": "2", "epoch": 2, "endpoint": "projects/p/locations/l/endpoints/902",
                   "reason": "cand@2 (epoch 2) is the earliest checkpoint that passes the gate"}}""");

        assertThat(rules.recommendations())
                .containsExactly("support: recommend cand@2 (epoch 2, endpoint projects/p/locations/l/endpoints/902)");
    }

    @Test
    void withoutARecommendationSaysWhy() throws IOException {
        GateRules rules = read("""
                {"variant": "cand", "tuningJob": "projects/p/locations/l/tuningJobs/42", "baseline": "base",
                 "best": "cand@3", "margin": 0.25, "confidence": 0.95, "checkpoints": [],
                 "noRecommendation": "no checkpoint of 'cand' passes the gate against 'base': cand@1 failed minPassRate"}""");

        assertThat(rules.recommendations())
                .containsExactly("support: no checkpoint of cand to recommend: no checkpoint of 'cand' passes the gate"
                        + " against 'base': cand@1 failed minPassRate");
    }
}
