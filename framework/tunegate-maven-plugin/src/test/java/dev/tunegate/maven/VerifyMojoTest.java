package dev.tunegate.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyMojoTest {

    private static final String PASSED = """
            {"schemaVersion": 1, "runId": "r1", "startedAt": "2026-01-01T00:00:00Z",
             "finishedAt": "2026-01-01T00:01:00Z", "commit": null, "passed": true, "futureField": {"x": 1},
             "suites": [{"name": "intents", "mode": "gate",
               "variants": [{"name": "v1", "role": "baseline"}, {"name": "v2", "role": "candidate"}],
               "candidates": [{"candidate": "v2", "baseline": "v1", "verdict": "passed", "reasons": [],
                 "checks": [{"name": "minPassRate", "required": ">= 0.800", "actual": "1.000", "passed": true}]}],
               "cases": [{"id": "refund", "tags": [], "variants": {"v1": {"status": "failed"}, "v2": {"status": "passed"}}}]}]}
            """;

    private static final String GATE_FAILED = """
            {"schemaVersion": 1, "runId": "r2", "finishedAt": "2026-01-01T00:01:00Z", "passed": false,
             "suites": [{"name": "triage-reply-format", "mode": "gate",
               "variants": [{"name": "base", "role": "candidate"}, {"name": "v1", "role": "baseline"}],
               "candidates": [{"candidate": "base", "baseline": "v1", "verdict": "failed",
                 "reasons": ["minPassRate 0.000 < 0.800"],
                 "checks": [
                   {"name": "minPassRate", "required": ">= 0.800", "actual": "0.000 (0/6)", "passed": false},
                   {"name": "maxRegressions", "required": "<= 0", "actual": "4 (cancel-short, tracking-short)", "passed": false},
                   {"name": "mustPass", "required": "critical", "actual": "all passed", "passed": true}]}],
               "cases": []},
              {"name": "safety", "mode": "strict",
               "variants": [{"name": "v2", "role": "candidate"}, {"name": "base", "role": "reference"}],
               "candidates": [],
               "cases": [{"id": "no-insults", "tags": [], "variants": {"v2": {"status": "error"}, "base": {"status": "failed"}}},
                         {"id": "polite", "tags": [], "variants": {"v2": {"status": "passed"}}}]}]}
            """;

    @TempDir
    Path dir;

    @Test
    void passingRunPasses() throws Exception {
        BuildVerdict verdict = verdict(PASSED, new SurefireTotals(1, 3, 0, 0));
        assertThat(verdict.passed()).as(verdict.toString()).isTrue();
    }

    @Test
    void failedGateNamesSuiteCandidateBaselineAndFailedRules() throws Exception {
        BuildVerdict verdict = verdict(GATE_FAILED, new SurefireTotals(1, 10, 3, 1));

        assertThat(verdict.passed()).isFalse();
        String message = verdict.message(dir.resolve("summary.json"));
        assertThat(message)
                .startsWith("TuneGate verdict: FAILED (1 gate failed, 1 enforced case failed)")
                .contains("Gate FAILED for suite 'triage-reply-format': candidate 'base' vs baseline 'v1'")
                .contains("minPassRate: required >= 0.800, actual 0.000 (0/6)")
                .contains("maxRegressions: required <= 0, actual 4 (cancel-short, tracking-short)")
                .doesNotContain("mustPass")
                .contains("Enforced case failed: suite 'safety' case 'no-insults' on candidate 'v2': error")
                .doesNotContain("'base': failed")
                .contains(dir.resolve("summary.md").toString());
    }

    @Test
    void aShardsGatesAreLeftToTheMergeButItsEnforcedCasesFail() throws Exception {
        String shard = GATE_FAILED.replace("\"passed\": false,", "\"passed\": false, \"shard\": \"1/4\",");
        BuildVerdict verdict = verdict(shard, new SurefireTotals(1, 10, 1, 0));

        assertThat(verdict.failedGates())
                .as("a shard judged a part of the cases")
                .isEmpty();
        assertThat(verdict.enforcedFailures()).singleElement().asString().contains("no-insults");
        assertThat(verdict(
                                shard.replace("{\"v2\": {\"status\": \"error\"}", "{\"v2\": {\"status\": \"passed\"}"),
                                new SurefireTotals(1, 10, 0, 0))
                        .passed())
                .as("a shard whose only failure is a partial gate passes")
                .isTrue();
    }

    @Test
    void surefireFailuresTheSummaryDoesNotExplainFail() throws Exception {
        BuildVerdict verdict = verdict(PASSED, new SurefireTotals(2, 5, 1, 0));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.otherFailures()).singleElement().asString().contains("1 test(s) failed or errored");
    }

    @Test
    void noTestRunIsNotAPass() throws Exception {
        BuildVerdict verdict = verdict(PASSED, new SurefireTotals(1, 0, 0, 0));
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.otherFailures()).singleElement().asString().contains("ran no test");
    }

    @Test
    void goalFailsWithMojoFailureExceptionOnAFailedVerdict() throws Exception {
        Path summary = write("summary.json", GATE_FAILED);
        VerifyMojo mojo = mojo(summary);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("Gate FAILED for suite 'triage-reply-format'");
    }

    @Test
    void goalPassesAPassingRun() throws Exception {
        VerifyMojo mojo = mojo(write("summary.json", PASSED));
        mojo.execute();
    }

    @Test
    void missingSummaryIsAnExecutionError() {
        assertThatThrownBy(() -> mojo(dir.resolve("nope/summary.json")).execute())
                .isInstanceOf(MojoExecutionException.class)
                .isNotInstanceOf(MojoFailureException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void brokenSummaryIsAnExecutionError() throws Exception {
        Path summary = write("summary.json", "{\"passed\": tru");
        assertThatThrownBy(() -> SummaryReader.read(summary, null))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("is not a TuneGate summary");
    }

    @Test
    void summaryOfARunThatDidNotFinishIsNeverAPass() throws Exception {
        Path noFinish = write("a.json", PASSED.replace("\"finishedAt\": \"2026-01-01T00:01:00Z\",", ""));
        Path incomplete = write("b.json", PASSED.replace("\"passed\": true", "\"passed\": true, \"complete\": false"));

        assertThatThrownBy(() -> SummaryReader.read(noFinish, null)).hasMessageContaining("did not finish");
        assertThatThrownBy(() -> SummaryReader.read(incomplete, null)).hasMessageContaining("did not finish");
    }

    @Test
    void summaryFromBeforeTheBuildIsStale() throws Exception {
        Path summary = write("summary.json", PASSED);
        Files.setLastModifiedTime(summary, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        assertThatThrownBy(() -> SummaryReader.read(summary, Instant.parse("2021-01-01T00:00:00Z")))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("before this build started");
    }

    @Test
    void readsSurefireTotalsWrittenSinceTheBuildStarted() throws Exception {
        Path reports = Files.createDirectories(dir.resolve("surefire-reports"));
        Files.writeString(
                reports.resolve("TEST-a.xml"),
                "<?xml version=\"1.0\"?><testsuite name=\"a\" tests=\"7\" failures=\"2\" errors=\"1\" skipped=\"3\"/>");
        Path old = reports.resolve("TEST-old.xml");
        Files.writeString(old, "<testsuite name=\"old\" tests=\"5\" failures=\"5\" errors=\"0\"/>");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        assertThat(SurefireTotals.read(reports, Instant.parse("2021-01-01T00:00:00Z")))
                .isEqualTo(new SurefireTotals(1, 7, 2, 1));
        assertThat(SurefireTotals.read(dir.resolve("absent"), null)).isEqualTo(new SurefireTotals(0, 0, 0, 0));
    }

    private BuildVerdict verdict(String json, SurefireTotals totals) throws Exception {
        return BuildVerdict.of(SummaryReader.read(write("summary.json", json), null), totals);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private VerifyMojo mojo(Path summary) throws Exception {
        VerifyMojo mojo = new VerifyMojo();
        set(mojo, "summary", summary.toFile());
        set(mojo, "surefireReports", dir.resolve("no-surefire-reports").toFile());
        return mojo;
    }

    private static void set(Object target, String field, Object value) throws Exception {
        var f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
