package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tunegate.budget stops new calls and makes the run incomplete; reports carry tokens and cost per variant. */
class BudgetAndCostTest {
    private static final String SUITE = "src/test/resources/suites/passing";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    private Cli.Result run(String... extra) {
        String[] args = new String[extra.length + 5];
        args[0] = "run";
        args[1] = "--no-progress";
        args[2] = "--reports";
        args[3] = reports.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        args[args.length - 1] = SUITE;
        return Cli.run(args);
    }

    @Test
    void aBudgetBelowTheRunsCostStopsNewCallsAndTheRunIsIncompleteNeverPassed() throws IOException {
        Cli.Result result = run("--concurrency", "1", "-Dtunegate.budget=1 tokens");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(result.out()).contains("INCOMPLETE (not passed): tunegate.budget=1 tokens reached");
        JsonNode summary =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        assertThat(summary.get("passed").asBoolean()).isFalse();
        assertThat(summary.get("complete").asBoolean(true)).isFalse();
        assertThat(summary.get("incomplete").asText()).contains("tunegate.budget=1 tokens reached");
        long calls = 0;
        for (JsonNode variant : summary.get("suites").get(0).get("variants")) {
            if (variant.has("usage")) {
                calls += variant.get("usage").get("calls").asLong();
            }
        }
        assertThat(calls)
                .as("only the first call (which sets the estimate) was made")
                .isEqualTo(1);
        assertThat(Files.readString(reports.resolve("tunegate/summary.md")))
                .contains("incomplete run, not passed", "**Incomplete:** tunegate.budget=1 tokens reached")
                .contains("Tokens and estimated cost: ");
        assertThat(Files.readString(reports.resolve("tunegate/compare.html")))
                .as("the cost figures in compare.html too")
                .contains("<h3>Tokens and estimated cost</h3>", "<tr class=\"suite-total\">");
    }

    @Test
    void everyVariantsTokensAndCostAreReportedAndPricesCanBeOverridden() throws IOException {
        Path prices = Files.writeString(
                reports.resolve("prices.properties"),
                "models/gemini-2.0-flash.input=1000000\nmodels/gemini-2.0-flash.output=0\n");

        Cli.Result shipped = run("-Dtunegate.budget=$5");
        JsonNode base = variant("base");
        JsonNode fast = variant("fast");
        Cli.Result overridden = run("-Dtunegate.prices=" + prices);

        assertThat(shipped.exitCode()).as(shipped.toString()).isZero();
        assertThat(base.get("usage").get("calls").asLong()).isEqualTo(2);
        long prompt = base.get("usage").get("promptTokens").asLong();
        long output = base.get("usage").get("outputTokens").asLong();
        assertThat(prompt).isPositive();
        assertThat(base.get("usage").get("costUsd").asDouble())
                .as("gemini-1.5-flash: $0.075 in, $0.30 out per million tokens")
                .isCloseTo((prompt * 0.075 + output * 0.30) / 1e6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(fast.get("usage").get("costUsd").asDouble()).isPositive();
        assertThat(overridden.exitCode()).as(overridden.toString()).isZero();
        assertThat(variant("fast").get("usage").get("costUsd").asDouble())
                .as("$1 per prompt token from tunegate.prices")
                .isEqualTo((double)
                        variant("fast").get("usage").get("promptTokens").asLong());
        assertThat(Files.readString(reports.resolve("tunegate/summary.md")))
                .containsPattern("`base` \\d+ prompt \\+ \\d+ output tokens \\(\\$0\\.\\d{4}\\)")
                .contains(" · suite $");
    }

    @Test
    void aThinkingModelsThinkingTokensAreReportedApartAndPricedAsOutput() throws IOException {
        Path suite = Files.writeString(reports.resolve("thinking.eval.yaml"), """
                suite: thinking
                models:
                  plain: {model: models/gemini-2.5-flash}
                  think:
                    model: models/gemini-2.5-flash
                    generationConfig: {thinkingConfig: {thinkingBudget: 64}}
                generationConfig: {temperature: 0, maxOutputTokens: 64}
                cases:
                  - id: hello
                    prompt: "Say hello to Ada"
                """);
        Path prices = Files.writeString(
                reports.resolve("prices.properties"),
                "models/gemini-2.5-flash.input=0.30\nmodels/gemini-2.5-flash.output=2.50\n"
                        + "models/gemini-2.5-flash.thinking=10\n");

        Cli.Result shipped = Cli.run("run", "--no-progress", "--reports", reports.toString(), suite.toString());
        JsonNode plain = variant("plain").get("usage");
        JsonNode think = variant("think").get("usage");
        String markdown = Files.readString(reports.resolve("tunegate/summary.md"));
        String html = Files.readString(reports.resolve("tunegate/compare.html"));
        Cli.Result priced = Cli.run(
                "run",
                "--no-progress",
                "--reports",
                reports.toString(),
                "-Dtunegate.prices=" + prices,
                suite.toString());

        assertThat(shipped.exitCode()).as(shipped.toString()).isZero();
        assertThat(plain.get("thinkingTokens").asLong())
                .as("no thinkingConfig: no thinking")
                .isZero();
        long prompt = think.get("promptTokens").asLong();
        long output = think.get("outputTokens").asLong();
        long thinking = think.get("thinkingTokens").asLong();
        assertThat(thinking)
                .as("the emulator thinks 16 + 4 x prompt tokens, at most the budget")
                .isEqualTo(Math.min(64, 16 + 4 * prompt));
        assertThat(think.get("costUsd").asDouble())
                .as("gemini-2.5-flash: $0.30 in, $2.50 out per million tokens; thinking at the output price")
                .isCloseTo(
                        (prompt * 0.30 + output * 2.50 + thinking * 2.50) / 1e6,
                        org.assertj.core.data.Offset.offset(1e-12));
        assertThat(markdown)
                .contains("`think` " + prompt + " prompt + " + output + " output + " + thinking + " thinking");
        assertThat(html).contains("<th>thinking tokens</th>").contains("<td>" + thinking + "</td>");
        assertThat(priced.exitCode()).as(priced.toString()).isZero();
        assertThat(variant("think").get("usage").get("costUsd").asDouble())
                .as("a thinking price of its own from tunegate.prices")
                .isCloseTo(
                        (prompt * 0.30 + output * 2.50 + thinking * 10) / 1e6,
                        org.assertj.core.data.Offset.offset(1e-12));
    }

    private JsonNode variant(String name) throws IOException {
        JsonNode summary =
                JSON.readTree(reports.resolve("tunegate/summary.json").toFile());
        for (JsonNode variant : summary.get("suites").get(0).get("variants")) {
            if (variant.get("name").asText().equals(name)) {
                return variant;
            }
        }
        throw new AssertionError("no variant " + name + " in " + summary);
    }
}
