package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.client.GeminiJson;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.Part;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.model.suite.ModelVariant;
import dev.tunegate.engine.run.GatewayFactory;
import dev.tunegate.engine.run.ModelGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Model-graded checks ({@code judge}, {@code pairwise}) through the engine, with a scripted judge model:
 * what the judge answers decides the test, an answer it could not grade is never a pass, disagreeing
 * samples are inconclusive, pairwise comparisons swap the order, replays call nothing.
 */
class ModelGradedChecksTest {

    private static final ObjectMapper MAPPER = GeminiJson.newMapper();

    @TempDir
    Path dir;

    /** Models under test echo the prompt; {@code models/judge} answers what {@code judge} makes of the request. */
    static class ScriptedGateway implements ModelGateway {
        final List<String> judgePrompts = new CopyOnWriteArrayList<>();
        final List<GenerateContentRequest> judgeRequests = new CopyOnWriteArrayList<>();
        final List<String> calls = new CopyOnWriteArrayList<>();
        final List<List<String>> embedded = new CopyOnWriteArrayList<>();
        private final Function<GenerateContentRequest, GenerateContentResponse> judge;

        ScriptedGateway(Function<GenerateContentRequest, GenerateContentResponse> judge) {
            this.judge = judge;
        }

        GatewayFactory factory() {
            return (config, progress) -> this;
        }

        @Override
        public CompletableFuture<ModelAnswer> generate(String model, GenerateContentRequest request) {
            calls.add(model);
            String text = text(request);
            GenerateContentResponse response;
            if (model.equals("models/judge")) {
                judgePrompts.add(text);
                judgeRequests.add(request);
                response = judge.apply(request);
            } else {
                response = FakeGateway.response(model.equals("models/upper") ? text.toUpperCase() : text);
            }
            return CompletableFuture.completedFuture(ModelAnswer.of(response, Duration.ofMillis(1)));
        }

        /** Letter counts of the lower-cased text: the same words in another case are the same vector. */
        @Override
        public CompletableFuture<List<double[]>> embed(String model, List<String> texts) {
            calls.add(model);
            embedded.add(texts);
            return CompletableFuture.completedFuture(texts.stream()
                    .map(t -> {
                        double[] v = new double[26];
                        t.toLowerCase()
                                .chars()
                                .filter(c -> c >= 'a' && c <= 'z')
                                .forEach(c -> v[c - 'a']++);
                        return v;
                    })
                    .toList());
        }

        @Override
        public CompletableFuture<String> ready(ModelVariant variant) {
            return CompletableFuture.completedFuture(variant.model());
        }

        @Override
        public void close() {}
    }

    static String text(GenerateContentRequest request) {
        Content last = request.contents().get(request.contents().size() - 1);
        return last.parts().stream().map(Part::text).filter(Objects::nonNull).collect(Collectors.joining());
    }

    static GenerateContentResponse answer(String text, String finishReason) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode candidate = body.putArray("candidates").addObject();
        candidate
                .putObject("content")
                .put("role", "model")
                .putArray("parts")
                .addObject()
                .put("text", text);
        candidate.put("finishReason", finishReason);
        body.putObject("usageMetadata")
                .put("promptTokenCount", 40)
                .put("candidatesTokenCount", 10)
                .put("totalTokenCount", 50);
        return MAPPER.convertValue(body, GenerateContentResponse.class);
    }

    static GenerateContentResponse blocked() {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("promptFeedback").put("blockReason", "SAFETY");
        return MAPPER.convertValue(body, GenerateContentResponse.class);
    }

    private Path suite(String name, String expect) throws IOException {
        return suite(name, expect, "");
    }

    private Path suite(String name, String expect, String rest) throws IOException {
        Path file = dir.resolve(name + ".eval.yaml");
        Files.writeString(
                file,
                "suite: " + name + "\n"
                        + "models:\n"
                        + "  v1: {model: models/echo, role: baseline}\n"
                        + "  v2: {model: models/upper, role: candidate}\n"
                        + "cases:\n"
                        + "  - id: refund\n"
                        + "    prompt: Sorry, here is our refund policy\n"
                        + "    expect:\n"
                        + expect
                        + rest);
        return file;
    }

    private EngineExecutionResults run(ScriptedGateway gateway, Path suite, String... parameters) {
        var kit = EngineTestKit.engine(new TuneGateTestEngine(gateway.factory()))
                .selectors(selectFile(suite.toFile()))
                .configurationParameter("tunegate.judge.model", "models/judge")
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("reports").toString())
                .configurationParameter("tunegate.allure.enabled", "false");
        for (int i = 0; i < parameters.length; i += 2) {
            kit = kit.configurationParameter(parameters[i], parameters[i + 1]);
        }
        return kit.execute();
    }

    @Test
    void theJudgesVerdictDecidesAndItsRequestFollowsTheTemplate() throws IOException {
        ScriptedGateway gateway = new ScriptedGateway(r -> text(r).contains("<answer>\nSORRY")
                ? answer("{\"verdict\":\"FAIL\",\"score\":0.2,\"reasoning\":\"shouts at the customer\"}", "STOP")
                : answer("{\"verdict\":\"PASS\",\"score\":0.9,\"reasoning\":\"apologises\"}", "STOP"));
        EngineExecutionResults results =
                run(gateway, suite("tone", "      - judge: {rubric: Apologises politely, reference: Sorry!}\n"));

        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test(), displayName("tone › refund [v1]"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("tone › refund [v2]"),
                                finishedWithFailure(message(m -> m.contains("the judge's verdict is FAIL")
                                        && m.contains("shouts at the customer")))));
        assertThat(gateway.judgePrompts).hasSize(2);
        String prompt = gateway.judgePrompts.get(0);
        assertThat(prompt)
                .contains("tunegate-judge/1")
                .contains("<rubric>\nApologises politely\n</rubric>")
                .contains("<reference>\nSorry!\n</reference>")
                .contains("<prompt>\nSorry, here is our refund policy\n</prompt>");
        var config = gateway.judgeRequests.get(0).generationConfig();
        assertThat(config.responseMimeType()).isEqualTo("application/json");
        assertThat(config.responseSchema().required()).containsExactly("verdict", "score", "reasoning");
        assertThat(config.temperature()).isEqualTo(0.0);
    }

    @Test
    void anAnswerTheJudgeCannotGradeIsNeverAPass() throws IOException {
        for (GenerateContentResponse bad : List.of(
                answer("Looks fine to me!", "STOP"),
                answer("{\"verdict\":\"PA", "MAX_TOKENS"),
                answer("{\"score\":1.0,\"reasoning\":\"great\"}", "STOP"),
                answer("{\"verdict\":\"MAYBE\",\"score\":1.0}", "STOP"),
                blocked())) {
            ScriptedGateway gateway = new ScriptedGateway(r -> bad);
            EngineExecutionResults results = run(gateway, suite("ungraded", "      - judge: Apologises\n"));
            results.testEvents()
                    .assertStatistics(s -> s.succeeded(0))
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    test(),
                                    displayName("ungraded › refund [v1]"),
                                    finishedWithFailure(message(m -> m.contains("could not be graded")
                                            && m.contains("never a pass")
                                            && m.contains("raw output")))));
        }
    }

    @Test
    void samplesThatDisagreeAreInconclusiveNotAPass() throws IOException {
        // sample seeds 1, 2, 3: PASS, FAIL, PASS -> 2 of 3 agree, below minAgreement 0.75
        ScriptedGateway gateway = new ScriptedGateway(r -> r.generationConfig().seed() == 2
                ? answer("{\"verdict\":\"FAIL\",\"score\":0.4,\"reasoning\":\"curt\"}", "STOP")
                : answer("{\"verdict\":\"PASS\",\"score\":0.6,\"reasoning\":\"polite\"}", "STOP"));
        EngineExecutionResults results =
                run(gateway, suite("split", "      - judge: {rubric: Apologises, samples: 3}\n"));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("split › refund [v2]"),
                                finishedWithFailure(
                                        message(m -> m.contains("is inconclusive") && m.contains("2 PASS, 1 FAIL")))));
        assertThat(gateway.judgeRequests).hasSize(6);
        assertThat(gateway.judgeRequests.get(0).generationConfig().temperature())
                .isEqualTo(1.0);

        // with minAgreement 0.6 the same votes are a majority PASS
        ScriptedGateway again = new ScriptedGateway(r -> r.generationConfig().seed() == 2
                ? answer("{\"verdict\":\"FAIL\",\"score\":0.4,\"reasoning\":\"curt\"}", "STOP")
                : answer("{\"verdict\":\"PASS\",\"score\":0.6,\"reasoning\":\"polite\"}", "STOP"));
        run(again, suite("split", "      - judge: {rubric: Apologises, samples: 3, minAgreement: 0.6}\n"))
                .testEvents()
                .assertStatistics(s -> s.failed(0));
    }

    @Test
    void inconclusiveCasesCanBeLeftOutOfTheGateAndMergeAgrees() throws IOException {
        // v2's answer to "refund" gets PASS, FAIL, PASS from the judge's 3 samples: inconclusive; all else passes
        java.util.function.Supplier<ScriptedGateway> judge =
                () -> new ScriptedGateway(r -> r.generationConfig().seed() == 2 && text(r).contains("<answer>\nREFUND")
                        ? answer("{\"verdict\":\"FAIL\",\"score\":0.4,\"reasoning\":\"curt\"}", "STOP")
                        : answer("{\"verdict\":\"PASS\",\"score\":0.9,\"reasoning\":\"polite\"}", "STOP"));
        for (String policy : List.of("fail", "exclude")) {
            Path suite = dir.resolve("unsure.eval.yaml");
            Files.writeString(
                    suite,
                    "suite: unsure\n"
                            + "models:\n"
                            + "  v1: {model: models/echo, role: baseline}\n"
                            + "  v2: {model: models/upper, role: candidate}\n"
                            + "defaults:\n"
                            + "  expect: [{judge: {rubric: Apologises, samples: 3}}]\n"
                            + "cases:\n"
                            + "  - {id: refund, prompt: refund please}\n"
                            + "  - {id: hello, prompt: hello there}\n"
                            + "  - {id: thanks, prompt: thanks a lot}\n"
                            + "  - {id: more-1, prompt: question number 1}\n"
                            + "  - {id: more-2, prompt: question number 2}\n"
                            + "  - {id: more-3, prompt: question number 3}\n"
                            + "  - {id: more-4, prompt: question number 4}\n"
                            + "  - {id: more-5, prompt: question number 5}\n"
                            + "  - {id: more-6, prompt: question number 6}\n"
                            + "  - {id: more-7, prompt: question number 7}\n"
                            + "  - {id: more-8, prompt: question number 8}\n"
                            + "  - {id: more-9, prompt: question number 9}\n"
                            + "gate: {candidate: v2, baseline: v1, minPassRate: 1.0, maxRegressions: 0, inconclusive: "
                            + policy + "}\n");
            EngineExecutionResults results = run(judge.get(), suite);
            Path reports = dir.resolve("reports/tunegate");
            if (policy.equals("fail")) {
                results.testEvents()
                        .assertThatEvents()
                        .haveExactly(
                                1,
                                event(
                                        test(),
                                        finishedWithFailure(
                                                message(m -> m.contains("Gate FAILED") && m.contains("minPassRate")))));
                assertThat(Files.readString(reports.resolve("summary.json")))
                        .doesNotContain("left out of the pass rate");
                continue;
            }
            assertThat(results.testEvents().failed().count())
                    .as("the gate passes; the inconclusive case counts towards the gate, which leaves it out")
                    .isZero();
            assertThat(results.testEvents().aborted().count()).isEqualTo(1);
            String summary = Files.readString(reports.resolve("summary.json"));
            assertThat(summary)
                    .contains("\"name\" : \"inconclusive\"")
                    .contains("1 (refund) case(s) left out of the pass rate and the gate")
                    .contains("\"inconclusive\" : true");
            assertThat(Files.readString(reports.resolve("summary.md")))
                    .contains("1 (refund) case(s) left out of the pass rate and the gate");
            assertThat(Files.readString(reports.resolve("compare.html")))
                    .contains("1 (refund) case(s) left out of the pass rate and the gate");

            // two shards of the same run, merged, judge the gate the same way; a case's shard hangs on the suite's
            // path (a random temporary folder), so with 3 cases one shard was empty in 1 run of 4: 12 cases make that
            // 1 in 2,048
            List<Path> shards = new java.util.ArrayList<>();
            for (String shard : List.of("1/2", "2/2")) {
                Path shardReports = dir.resolve("shard-" + shard.charAt(0));
                EngineExecutionResults shardRun = EngineTestKit.engine(
                                new TuneGateTestEngine(judge.get().factory()))
                        .selectors(selectFile(suite.toFile()))
                        .configurationParameter("tunegate.judge.model", "models/judge")
                        .configurationParameter("tunegate.reports.dir", shardReports.toString())
                        .configurationParameter("tunegate.allure.enabled", "false")
                        .configurationParameter("tunegate.shard", shard)
                        .execute();
                assertThat(shardReports.resolve("tunegate/summary.json"))
                        .as("shard " + shard + ": " + shardRun.allEvents().list())
                        .exists();
                shards.add(shardReports);
            }
            Path merged = dir.resolve("merged");
            var run = dev.tunegate.engine.results.record.ShardMerge.merge(shards, merged, java.util.Map.of())
                    .run();
            var verdict = run.suites().get(0).verdicts().get(0);
            assertThat(verdict.passed()).as(verdict.toString()).isTrue();
            assertThat(verdict.checks())
                    .anyMatch(c ->
                            c.name().equals("inconclusive") && c.actual().startsWith("1 (refund) case(s) left out"));
        }
    }

    @Test
    void pairwiseJudgesBothOrdersAndDisagreementIsATie() throws IOException {
        // a judge that always prefers the first answer: the two orders disagree, so it is a tie (a pass)
        ScriptedGateway biased =
                new ScriptedGateway(r -> answer("{\"winner\":\"A\",\"reasoning\":\"the first is better\"}", "STOP"));
        EngineExecutionResults results =
                run(biased, suite("pairs", "      - pairwise: {against: v1, rubric: \"Which is politer?\"}\n"));
        results.testEvents().assertStatistics(s -> s.failed(0));
        assertThat(biased.judgePrompts).hasSize(2);
        String first = biased.judgePrompts.get(0);
        String swapped = biased.judgePrompts.get(1);
        assertThat(first)
                .contains("<answer_a>\nSORRY, HERE IS OUR REFUND POLICY\n</answer_a>")
                .contains("<answer_b>\nSorry, here is our refund policy\n</answer_b>");
        assertThat(swapped)
                .contains("<answer_a>\nSorry, here is our refund policy\n</answer_a>")
                .contains("<answer_b>\nSORRY, HERE IS OUR REFUND POLICY\n</answer_b>");
        assertThat(Files.readString(dir.resolve("reports/tunegate/summary.json")))
                .contains("\"TIE\"")
                .contains("The two orders disagree");

        // a judge that prefers the lower-case answer wherever it is: v2 loses in both orders, which fails
        ScriptedGateway fair = new ScriptedGateway(r -> {
            String t = text(r);
            String a = t.substring(t.indexOf("<answer_a>"), t.indexOf("</answer_a>"));
            return answer(
                    "{\"winner\":\"" + (a.contains("Sorry") ? "A" : "B") + "\",\"reasoning\":\"calmer\"}", "STOP");
        });
        run(fair, suite("pairs", "      - pairwise: {against: v1, rubric: \"Which is politer?\"}\n"))
                .testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test(), displayName("pairs › refund [v1]"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("pairs › refund [v2]"),
                                finishedWithFailure(message(m -> m.contains("loses to v1's in both orders")))));
        assertThat(Files.readString(dir.resolve("reports/tunegate/summary.md")))
                .contains("### Model-graded checks")
                .contains("Pairwise `v2` vs `v1`: win rate 0.0%");

        // the gate rule minWinRate reads the same comparisons
        run(
                        fair,
                        suite(
                                "pairs",
                                "      - pairwise: {against: v1, rubric: \"Which is politer?\"}\n",
                                "gate: {candidate: v2, baseline: v1, minWinRate: 0.5}\n"))
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                finishedWithFailure(message(m ->
                                        m.contains("minWinRate") && m.contains("0.000 (0 wins, 0 ties, 1 losses")))));
    }

    @Test
    void winRateNonInferiorityJudgesTheLowerBoundOfTheWinRate() throws IOException {
        // a judge that always prefers the first answer: every comparison is a tie, win rate 0.5 over 8 cases,
        // whose 95% Wilson interval (16 orders) starts at 0.280
        ScriptedGateway biased =
                new ScriptedGateway(r -> answer("{\"winner\":\"A\",\"reasoning\":\"the first is better\"}", "STOP"));
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            cases.append("  - {id: c")
                    .append(i)
                    .append(", prompt: Sorry number ")
                    .append(i)
                    .append("}\n");
        }
        for (String margin : List.of("0.1", "0.25")) {
            Path suite = dir.resolve("ties.eval.yaml");
            Files.writeString(
                    suite,
                    "suite: ties\n"
                            + "models:\n"
                            + "  v1: {model: models/echo, role: baseline}\n"
                            + "  v2: {model: models/upper, role: candidate}\n"
                            + "defaults:\n"
                            + "  expect: [{pairwise: {against: v1, rubric: 'Which is politer?'}}]\n"
                            + "cases:\n"
                            + cases
                            + "gate: {candidate: v2, baseline: v1, minWinRate: 0.5, winRateNonInferiority: {margin: "
                            + margin + "}}\n");
            EngineExecutionResults results = run(biased, suite);
            String gate = Files.readString(dir.resolve("reports/tunegate/summary.json"));
            assertThat(gate)
                    .contains("\"name\" : \"winRateNonInferiority\"")
                    .contains("lower 95% bound >= 0.5 - " + margin)
                    .contains("0.500 (0 wins, 8 ties, 0 losses, 95% CI 0.280-0.720)");
            if (margin.equals("0.1")) {
                results.testEvents()
                        .assertThatEvents()
                        .haveExactly(
                                1,
                                event(
                                        test(),
                                        finishedWithFailure(message(m ->
                                                m.contains("winRateNonInferiority  lower 95% bound >= 0.5 - 0.1")))));
            } else {
                results.testEvents().assertStatistics(s -> s.failed(0));
            }
        }
    }

    @Test
    void similarEmbedsEachTextOncePerRunAndComparesByCosine() throws IOException {
        ScriptedGateway gateway = new ScriptedGateway(r -> {
            throw new AssertionError("no judge here");
        });
        Path suite = dir.resolve("similar.eval.yaml");
        Files.writeString(
                suite,
                "suite: similar\n"
                        + "models:\n"
                        + "  v1: {model: models/echo}\n"
                        + "defaults:\n"
                        + "  expect:\n"
                        + "    - similar: {to: here is our refund policy, min: 0.9, model: models/embedder}\n"
                        + "cases:\n"
                        + "  - {id: close, prompt: Sorry here is our refund policy}\n"
                        + "  - {id: same, prompt: here is our refund policy}\n"
                        + "  - {id: far, prompt: xyz xyz qqq}\n");
        EngineExecutionResults results = run(gateway, suite);
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test(), displayName("similar › close [v1]"), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName("similar › same [v1]"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("similar › far [v1]"),
                                finishedWithFailure(message(m -> m.contains("cosine")))));
        List<String> texts = gateway.embedded.stream().flatMap(List::stream).toList();
        assertThat(texts).as("every text embedded once per run").doesNotHaveDuplicates();
        assertThat(texts).contains("Sorry here is our refund policy", "xyz xyz qqq");
        assertThat(gateway.calls).containsOnly("models/echo", "models/embedder");
        assertThat(Files.readString(dir.resolve("reports/tunegate/summary.json")))
                .contains("\"matcher\" : \"similar\"")
                .contains("cosine similarity");
    }

    @Test
    void embeddingCallsCountAgainstTheBudget() throws IOException {
        ScriptedGateway gateway = new ScriptedGateway(r -> {
            throw new AssertionError("no judge here");
        });
        // each model call costs 5 tokens: 4 cases are 20, within 60; the first embedding alone is estimated at
        // over 100 tokens (one per 4 characters of the 400-character reference)
        String reference = "here is our refund policy ".repeat(16);
        Path suite = dir.resolve("budget.eval.yaml");
        Files.writeString(
                suite,
                "suite: budget\n"
                        + "models:\n"
                        + "  v1: {model: models/echo}\n"
                        + "defaults:\n"
                        + "  expect:\n"
                        + "    - similar: {to: '" + reference + "', min: 0.1, model: models/embedder}\n"
                        + "cases:\n"
                        + "  - {id: a, prompt: Sorry here is our refund policy}\n"
                        + "  - {id: b, prompt: Sorry here is our refund policy again}\n"
                        + "  - {id: c, prompt: Sorry here is our refund policy once more}\n"
                        + "  - {id: d, prompt: Sorry here is our refund policy at last}\n");
        EngineExecutionResults results =
                run(gateway, suite, "tunegate.budget", "60 tokens", "tunegate.concurrency", "1");
        assertThat(results.testEvents().succeeded().count())
                .as("the embeddings exhaust the budget before every case is checked")
                .isLessThan(4);
        assertThat(Files.readString(dir.resolve("reports/tunegate/summary.json")))
                .contains("tunegate.budget=60 tokens reached");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void aJudgeThatHangsFailsItsCheckAfterTheJudgeTimeoutAndTheRunGoesOn() throws IOException {
        ScriptedGateway hanging =
                new ScriptedGateway(r -> {
                    throw new AssertionError("not called");
                }) {
                    @Override
                    public CompletableFuture<ModelAnswer> generate(String model, GenerateContentRequest request) {
                        if (model.equals("models/judge")) {
                            calls.add(model);
                            return new CompletableFuture<>(); // never answers
                        }
                        return super.generate(model, request);
                    }
                };
        EngineExecutionResults results = run(
                hanging,
                suite("hangs", "      - judge: Apologises\n      - contains: refund\n"),
                "tunegate.judge.timeout",
                "PT0.3S");
        results.testEvents()
                .assertStatistics(s -> s.succeeded(0).failed(3))
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("hangs › refund [v1]"),
                                finishedWithFailure(
                                        message(m -> m.contains("did not finish within the time limit of PT0.3S")
                                                && m.contains("tunegate.judge.timeout")))));
        assertThat(Files.readString(dir.resolve("reports/tunegate/summary.json")))
                .contains("\"ERROR\"");
    }

    @Test
    void aReplayedRunMakesNoJudgeCall() throws IOException {
        Path suite = suite("replayed", "      - judge: {rubric: Apologises, samples: 2}\n");
        Path cassettes = dir.resolve("cassettes");
        ScriptedGateway recording =
                new ScriptedGateway(r -> answer("{\"verdict\":\"PASS\",\"score\":1,\"reasoning\":\"ok\"}", "STOP"));
        run(recording, suite, "tunegate.mode", "record", "tunegate.cassettes", cassettes.toString())
                .testEvents()
                .assertStatistics(s -> s.failed(0).succeeded(3));
        assertThat(recording.judgePrompts).hasSize(4);

        ScriptedGateway replaying = new ScriptedGateway(r -> {
            throw new AssertionError("the judge was called during a replay");
        });
        run(replaying, suite, "tunegate.mode", "replay", "tunegate.cassettes", cassettes.toString())
                .testEvents()
                .assertStatistics(s -> s.failed(0).succeeded(3));
        assertThat(replaying.calls).as("calls made by the replay").isEmpty();
    }

    @Test
    void aJudgeWithMinKappaButNoRecordedAgreementIsAdvisory() throws IOException {
        Files.writeString(dir.resolve("tone.calibration.jsonl"), "{}\n");
        ScriptedGateway gateway =
                new ScriptedGateway(r -> answer("{\"verdict\":\"FAIL\",\"score\":0.1,\"reasoning\":\"rude\"}", "STOP"));
        EngineExecutionResults results = run(
                gateway,
                suite(
                        "advisory",
                        "      - judge: {rubric: Apologises, calibration: tone.calibration.jsonl, minKappa: 0.6}\n"));
        results.testEvents().assertStatistics(s -> s.failed(0).succeeded(3));
        assertThat(gateway.judgePrompts).as("an advisory judge still grades").hasSize(2);
        String summary = Files.readString(dir.resolve("reports/tunegate/summary.json"));
        assertThat(summary).contains("advisory").contains("no recorded agreement for tone.calibration.jsonl");

        // once the recorded agreement meets the floor, the same judge is enforced
        Files.writeString(
                dir.resolve("tone.calibration.agreement.json"),
                "{\"kappa\": 0.8, \"sha256\": \""
                        + dev.tunegate.engine.matchers.graded.JudgeCalibration.sha256(
                                dir.resolve("tone.calibration.jsonl"))
                        + "\"}");
        run(
                        gateway,
                        suite(
                                "advisory",
                                "      - judge: {rubric: Apologises, calibration: tone.calibration.jsonl, minKappa: 0.6}\n"))
                .testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(),
                                displayName("advisory › refund [v2]"),
                                finishedWithFailure(message(m -> m.contains("the judge's verdict is FAIL")))));
    }

    @Test
    void theEmbeddedEmulatorJudgesAndEmbeds() throws IOException {
        Path suite = dir.resolve("embedded.eval.yaml");
        Files.writeString(
                suite,
                "suite: embedded\n"
                        + "models:\n"
                        + "  flash: {model: models/gemini-2.0-flash}\n"
                        + "cases:\n"
                        + "  - id: capital\n"
                        + "    prompt: What is the capital of France?\n"
                        + "    expect:\n"
                        + "      - judge: Names the capital Paris\n"
                        + "      - similar: {to: Paris is the capital of France, min: 0.5}\n");
        EngineTestKit.engine(new TuneGateTestEngine())
                .selectors(selectFile(suite.toFile()))
                .configurationParameter(
                        "tunegate.reports.dir", dir.resolve("reports").toString())
                .configurationParameter("tunegate.allure.enabled", "false")
                .execute()
                .testEvents()
                .assertStatistics(s -> s.failed(0).succeeded(2));
        assertThat(Files.readString(dir.resolve("reports/tunegate/summary.json")))
                .contains("\"PASS\"")
                .contains("cosine similarity");
    }
}
