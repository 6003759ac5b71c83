package dev.tunegate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.GenerateContentResult;
import dev.tunegate.emulator.GeminiEmulator;
import dev.tunegate.engine.matchers.ModelAnswer;
import dev.tunegate.engine.matchers.graded.GradingReply;
import dev.tunegate.engine.matchers.graded.JudgeCalibration;
import dev.tunegate.engine.matchers.graded.JudgePrompt;
import dev.tunegate.engine.matchers.graded.JudgeReply;
import dev.tunegate.engine.model.stats.JudgeAgreement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunegate calibrate FILE}: grades every labelled example of a calibration file with the judge
 * (the same prompt template and strict reading as the {@code judge} matcher, temperature 0), prints the
 * agreement with the human labels and writes it next to the file, where {@code minKappa} reads it.
 */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = {
            "Check a judge against human labels: grade every line of FILE (JSONL: prompt, answer, rubric,"
                    + " optional reference, label PASS or FAIL) and print accuracy, Cohen's kappa with its 95%%"
                    + " interval, and the true-positive and true-negative rates.",
            "Writes the agreement to <FILE without .jsonl>.agreement.json, which a judge's minKappa checks."
        })
final class CalibrateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Calibration file (JSONL), e.g. judges/tone.calibration.jsonl.")
    Path file;

    @Option(
            names = "--model",
            paramLabel = "MODEL",
            defaultValue = "models/gemini-2.0-flash",
            description = "Judge model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            defaultValue = "embedded",
            description = "'embedded' (default: an in-process emulator), 'google', or an http(s) base URL.")
    String endpoint;

    @Option(
            names = "--api-key-env",
            paramLabel = "VAR",
            defaultValue = GeminiClient.DEFAULT_API_KEY_ENV,
            description = "Environment variable holding the API key (default: ${DEFAULT-VALUE}).")
    String apiKeyEnv;

    /** One labelled example. */
    private record Example(int line, String prompt, String answer, String rubric, String reference, boolean pass) {}

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Example> examples = read(file);
        List<boolean[]> pairs = new ArrayList<>();
        int ungraded = 0;
        GeminiEmulator emulator = null;
        try {
            GeminiClient client;
            if (endpoint.equals("embedded")) {
                emulator = GeminiEmulator.builder().port(0).build().start();
                client = GeminiClient.builder()
                        .baseUrl(emulator.baseUrl())
                        .apiKey(() -> "embedded-emulator")
                        .build();
            } else {
                EndpointOptions options = new EndpointOptions();
                options.endpoint = endpoint;
                options.apiKeyEnv = apiKeyEnv;
                client = options.client();
            }
            try (client) {
                for (Example e : examples) {
                    String prompt =
                            JudgePrompt.rubric(e.rubric(), Optional.ofNullable(e.reference()), e.prompt(), e.answer());
                    GenerateContentResult result = client.generateContentResult(
                            model, JudgePrompt.request(prompt, JudgePrompt.verdictSchema(), 0.0, null));
                    JudgeReply reply = JudgeReply.read(
                            GradingReply.of(ModelAnswer.of(result.response(), result.latency())),
                            "verdict",
                            List.of("PASS", "FAIL"));
                    if (reply.unusable()) {
                        ungraded++;
                        out.println("line " + e.line() + ": the judge could not grade it (" + reply.problem()
                                + "); counted as FAIL");
                    }
                    pairs.add(new boolean[] {
                        e.pass(), !reply.unusable() && reply.field().equals("PASS")
                    });
                }
            }
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
        JudgeAgreement agreement = JudgeAgreement.of(pairs, 0.95);
        double[] interval = agreement.kappaInterval();
        TextTable table = new TextTable("MEASURE", "VALUE");
        table.row("examples", agreement.n());
        table.row("accuracy", f(agreement.accuracy()));
        table.row("Cohen's kappa", f(agreement.kappa()) + " [" + f(interval[0]) + ", " + f(interval[1]) + "] 95%");
        table.row("true-positive rate", f(agreement.truePositiveRate()));
        table.row("true-negative rate", f(agreement.trueNegativeRate()));
        table.row(
                "human PASS / judge PASS",
                (agreement.bothPass() + agreement.humanPassOnly()) + " / "
                        + (agreement.bothPass() + agreement.judgePassOnly()));
        table.row("ungraded (counted FAIL)", ungraded);
        out.println("Judge " + model + " (" + JudgePrompt.VERSION + ") against the labels of " + file + ":");
        out.print(table.render());
        Path written = JudgeCalibration.agreementFile(file.toAbsolutePath());
        ObjectNode node = JSON.createObjectNode();
        node.put("file", file.getFileName().toString());
        node.put("sha256", JudgeCalibration.sha256(file));
        node.put("model", model);
        node.put("template", JudgePrompt.VERSION);
        node.put("examples", agreement.n());
        node.put("accuracy", agreement.accuracy());
        node.put("kappa", agreement.kappa());
        node.putObject("kappaInterval")
                .put("lower", interval[0])
                .put("upper", interval[1])
                .put("confidence", 0.95);
        node.put("truePositiveRate", agreement.truePositiveRate());
        node.put("trueNegativeRate", agreement.trueNegativeRate());
        node.put("ungraded", ungraded);
        Files.writeString(
                written, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n", StandardCharsets.UTF_8);
        out.println("Wrote " + written);
        return ExitCodes.OK;
    }

    private static String f(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static List<Example> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                throw new UserInputException(file + ":" + (i + 1) + ": not a JSON object: " + e.getMessage());
            }
            String label = text(file, i, node, "label").toUpperCase(Locale.ROOT);
            if (!label.equals("PASS") && !label.equals("FAIL")) {
                throw new UserInputException(file + ":" + (i + 1) + ": label must be PASS or FAIL, was " + label);
            }
            examples.add(new Example(
                    i + 1,
                    text(file, i, node, "prompt"),
                    text(file, i, node, "answer"),
                    text(file, i, node, "rubric"),
                    node.path("reference").isTextual() ? node.get("reference").asText() : null,
                    label.equals("PASS")));
        }
        if (examples.isEmpty()) {
            throw new UserInputException(file + " has no labelled example");
        }
        return examples;
    }

    private static String text(Path file, int line, JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual()) {
            throw new UserInputException(file + ":" + (line + 1) + ": '" + field + "' is missing (each line needs"
                    + " prompt, answer, rubric and label)");
        }
        return value.asText();
    }
}
