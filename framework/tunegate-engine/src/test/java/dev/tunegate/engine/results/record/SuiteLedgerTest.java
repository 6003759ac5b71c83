package dev.tunegate.engine.results.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.model.suite.EvalSuite;
import dev.tunegate.engine.model.suite.SuiteFiles;
import dev.tunegate.engine.model.suite.SuiteParser;
import dev.tunegate.engine.results.report.CaseResult;
import dev.tunegate.engine.results.report.MatcherResult;
import dev.tunegate.engine.results.report.SampleResult;
import dev.tunegate.engine.results.report.VariantResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteLedgerTest {

    private static EvalSuite promotion() throws Exception {
        SuiteParser parser =
                new SuiteParser(new SuiteFiles(null, 1 << 20, SuiteLedgerTest.class.getClassLoader()), 1 << 20, 10_000);
        return parser.parse(SuiteFiles.classpathUri("dev/tunegate/engine/gates/promotion.eval.yaml"));
    }

    private static SampleResult sample(String answer, boolean passed, long latency) {
        MatcherResult equals = new MatcherResult("equals", "equals \"x\"", passed, passed ? null : "expected x", 12);
        return new SampleResult(answer, "STOP", List.of(equals), latency, 3, 4, 7, 0, null, null, null);
    }

    @Test
    void keepsSamplesOnlyForDetailedCasesAndResultsThatDidNotPass() throws Exception {
        EvalSuite suite = promotion();
        SuiteLedger ledger = new SuiteLedger(suite);
        ledger.markDetailed(ledger.indexOf(suite.cases().get(0)));
        ledger.prompt(0, "refund");
        ledger.ran(0, "base", List.of(sample("refund", true, 11)));
        for (int i = 1; i < suite.cases().size(); i++) {
            int index = ledger.indexOf(suite.cases().get(i));
            ledger.ran(index, "base", List.of(sample(null, true, 10 + i)));
            ledger.ran(index, "tuned", List.of(sample(null, i != 3, 20 + i), sample(null, true, 30 + i)));
        }
        ledger.skipped(ledger.indexOf(suite.cases().get(2)), "other", "tunegate.variants=base,tuned");

        // Only the detailed case and the one result with a failed sample hold SampleResults.
        assertThat(ledger.keptResults()).isEqualTo(2);

        List<CaseResult> cases = ledger.cases();
        assertThat(cases)
                .extracting(CaseResult::id)
                .containsExactlyElementsOf(
                        suite.cases().stream().map(c -> c.id()).toList());
        assertThat(cases.get(0).prompt()).isEqualTo("refund");
        assertThat(cases.get(0).byVariant()).containsOnlyKeys("base");
        assertThat(cases.get(0).byVariant().get("base").samples().get(0).answer())
                .isEqualTo("refund");

        // A passing result that kept nothing comes back with its outcome and latencies.
        VariantResult passed = cases.get(1).byVariant().get("tuned");
        assertThat(passed.status()).isEqualTo(Outcome.PASSED);
        assertThat(passed.samples()).extracting(SampleResult::latencyMillis).containsExactly(21L, 31L);
        assertThat(passed.samples()).allSatisfy(s -> assertThat(s.passed()).isTrue());
        assertThat(cases.get(1).prompt()).isNull();

        VariantResult failed = cases.get(3).byVariant().get("tuned");
        assertThat(failed.passes()).isEqualTo(1);
        assertThat(failed.status()).isEqualTo(Outcome.FAILED);
        assertThat(failed.samples().get(0).matchers().get(0).message()).isEqualTo("expected x");

        assertThat(cases.get(2).byVariant().get("other").status()).isEqualTo(Outcome.SKIPPED);
        assertThat(cases.get(2).byVariant().get("other").skipped()).isEqualTo("tunegate.variants=base,tuned");
        assertThat(cases.get(1).byVariant()).doesNotContainKey("other");
    }

    @Test
    void findsCasesRecordedOutOfOrderAndListsOnlyRecordedOnesInFileOrder() throws Exception {
        EvalSuite suite = promotion();
        SuiteLedger ledger = new SuiteLedger(suite);
        for (int i : new int[] {5, 2, 5}) {
            int index = ledger.indexOf(suite.cases().get(i));
            assertThat(index).isEqualTo(i);
            ledger.ran(index, "base", List.of(sample(null, true, i)));
        }
        assertThat(ledger.cases())
                .extracting(CaseResult::id)
                .containsExactly(suite.cases().get(2).id(), suite.cases().get(5).id());
    }
}
