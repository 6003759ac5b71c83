package dev.tunegate.engine.results.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunegate.engine.config.Shard;
import dev.tunegate.engine.model.gate.CaseOutcome;
import dev.tunegate.engine.model.gate.CheckpointRecommender;
import dev.tunegate.engine.model.gate.GateEvaluator;
import dev.tunegate.engine.model.gate.GateVerdict;
import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.model.gate.Roles;
import dev.tunegate.engine.model.stats.TokenUsage;
import dev.tunegate.engine.model.suite.SuiteLocations;
import dev.tunegate.engine.results.allure.Allure3Config;
import dev.tunegate.engine.results.allure.AllureReporter;
import dev.tunegate.engine.results.allure.RunArtifacts;
import dev.tunegate.engine.results.report.CaseResult;
import dev.tunegate.engine.results.report.MatcherResult;
import dev.tunegate.engine.results.report.ReportWriter;
import dev.tunegate.engine.results.report.RunResult;
import dev.tunegate.engine.results.report.SampleResult;
import dev.tunegate.engine.results.report.SuiteResult;
import dev.tunegate.engine.results.report.VariantInfo;
import dev.tunegate.engine.results.report.VariantResult;
import dev.tunegate.engine.results.report.VariantUsage;
import dev.tunegate.engine.results.summary.SummaryCodec;
import dev.tunegate.engine.results.summary.SummaryDocument;
import dev.tunegate.engine.run.replay.RecordedSpan;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apiguardian.api.API;

/**
 * Merges the reports of the shards of one run ({@code tunegate.shard=i/n}) into the reports of one
 * run: every suite's cases from all shards in suite order, every variant's statistics and every gate
 * verdict computed again over the merged cases with the gate policy the shards recorded (so they equal
 * those of an unsharded run on the same answers), {@code summary.json}, {@code summary.md} and
 * {@code compare.html} written by the engine's own writers, and the shards' Allure results copied into
 * one results directory with one gate result per suite and candidate.
 *
 * <p>A shard's summary keeps outcomes, not answers: the merged reports show every case's outcome and
 * pass counts, but no answers, matcher messages or latencies.
 */
@API(status = API.Status.INTERNAL)
public final class ShardMerge {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The result of a merge.
     *
     * @param run      the merged run (what the reports were written from)
     * @param shards   the shards merged, as {@code i/n}
     * @param missing  shards of {@code n} that were not given (their cases are not judged)
     * @param allure   Allure result files copied (gate results excluded; the merge writes its own)
     */
    public record Merged(RunResult run, List<String> shards, List<String> missing, int allure) {}

    /** A shard's summary that cannot be merged: the message names the file and the reason. */
    public static final class MergeException extends RuntimeException {
        MergeException(String message) {
            super(message);
        }
    }

    private ShardMerge() {}

    /**
     * Merges the shards' reports found in {@code inputs} (each a reports directory with
     * {@code tunegate/summary.json}, that {@code tunegate} directory, or a {@code summary.json} file)
     * and writes the merged reports into {@code reportsDir} ({@code tunegate/} and, when the shards
     * have Allure results beside their summaries, {@code allure-results/}).
     */
    public static Merged merge(List<Path> inputs, Path reportsDir, Map<String, String> environment) {
        List<SummaryDocument> documents = new ArrayList<>();
        List<Path> allureDirs = new ArrayList<>();
        for (Path input : inputs) {
            Path summary = summaryFile(input);
            documents.add(read(summary));
            Path allure = summary.getParent().getParent().resolve("allure-results");
            if (Files.isDirectory(allure)) {
                allureDirs.add(allure);
            }
        }
        Set<String> given = new TreeSet<>();
        int count = 0;
        for (SummaryDocument d : documents) {
            if (d.shard() != null) {
                given.add(d.shard());
                count = Shard.parse(d.shard()).count();
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!given.contains(i + "/" + count)) {
                missing.add(i + "/" + count);
            }
        }
        RunResult run = merged(documents, inputs, missing);
        new ReportWriter(reportsDir, environment).write(run);
        int copied = 0;
        if (!allureDirs.isEmpty()) {
            copied = mergeAllure(allureDirs, reportsDir, run, environment);
        }
        return new Merged(run, List.copyOf(given), missing, copied);
    }

    private static Path summaryFile(Path input) {
        for (Path candidate :
                List.of(input.resolve("tunegate").resolve("summary.json"), input.resolve("summary.json"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        if (Files.isRegularFile(input)) {
            return input.toAbsolutePath().normalize();
        }
        throw new MergeException(input + ": no summary.json (looked for " + input.resolve("tunegate/summary.json")
                + " and " + input.resolve("summary.json") + ")");
    }

    private static SummaryDocument read(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            SummaryDocument document = SummaryCodec.read(in);
            if (document == null) {
                throw new MergeException(file + ": is not a summary.json");
            }
            return document;
        } catch (IOException e) {
            throw new MergeException(file + ": cannot be read as a summary.json: " + e.getMessage());
        }
    }

    /** The merged run of {@code documents}; {@code inputs} name them in messages. */
    static RunResult merged(List<SummaryDocument> documents, List<Path> inputs, List<String> missing) {
        Map<String, List<SummaryDocument.Suite>> suites = new LinkedHashMap<>();
        Set<String> shards = new LinkedHashSet<>();
        Set<Integer> counts = new TreeSet<>();
        for (int i = 0; i < documents.size(); i++) {
            SummaryDocument d = documents.get(i);
            if (d.shard() != null) {
                if (!shards.add(d.shard())) {
                    throw new MergeException(inputs.get(i) + ": shard " + d.shard() + " is given twice");
                }
                counts.add(Shard.parse(d.shard()).count());
            }
            List<String> order = new ArrayList<>(suites.keySet());
            String previous = null;
            for (SummaryDocument.Suite s : d.suites()) {
                if (s.gate() == null) {
                    throw new MergeException(inputs.get(i) + ": suite '" + s.name()
                            + "' has no gate policy: only summaries of shards (tunegate.shard=i/n) can be merged");
                }
                if (!suites.containsKey(s.location())) {
                    // keep every shard's execution order: a suite new here goes after its predecessor in this shard
                    order.add(previous == null ? 0 : order.indexOf(previous) + 1, s.location());
                }
                suites.computeIfAbsent(s.location(), k -> new ArrayList<>()).add(s);
                previous = s.location();
            }
            Map<String, List<SummaryDocument.Suite>> reordered = new LinkedHashMap<>();
            for (String location : order) {
                reordered.put(location, suites.get(location));
            }
            suites = reordered;
        }
        if (counts.size() > 1) {
            throw new MergeException("the shards were cut into different numbers of shards: " + shards);
        }
        List<SuiteResult> results = new ArrayList<>();
        for (List<SummaryDocument.Suite> parts : suites.values()) {
            results.add(suite(parts));
        }
        Instant started = documents.stream()
                .map(d -> Instant.parse(d.startedAt()))
                .min(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        Instant finished = documents.stream()
                .map(d -> Instant.parse(d.finishedAt()))
                .max(Comparator.naturalOrder())
                .orElse(Instant.EPOCH);
        String commit = documents.stream()
                .map(SummaryDocument::commit)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        String incomplete = missing.isEmpty()
                ? null
                : "shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                        + " not merged: their cases are not judged";
        for (SummaryDocument d : documents) {
            if (Boolean.FALSE.equals(d.complete()) && incomplete == null) {
                incomplete = (d.shard() == null ? "" : "shard " + d.shard() + ": ")
                        + Objects.requireNonNullElse(d.incomplete(), "the run did not make all its calls");
            }
        }
        return new RunResult(UUID.randomUUID().toString(), started, finished, commit, results, null, incomplete);
    }

    private static SuiteResult suite(List<SummaryDocument.Suite> parts) {
        SummaryDocument.Suite first = parts.get(0);
        for (SummaryDocument.Suite part : parts) {
            if (!Objects.equals(part.contentHash(), first.contentHash())) {
                throw new MergeException("suite '" + first.name() + "' differs between shards (content hash "
                        + first.contentHash() + " and " + part.contentHash() + "): merge shards of one run");
            }
            if (!Objects.equals(part.gate(), first.gate())) {
                throw new MergeException("suite '" + first.name() + "' has different gate policies in the shards");
            }
        }
        Map<String, Role> roleOf = new LinkedHashMap<>();
        Map<String, Long> retries = new LinkedHashMap<>();
        List<VariantInfo> variants = new ArrayList<>();
        for (SummaryDocument.Variant v : first.variants()) {
            Role role = Role.fromYaml(v.role());
            roleOf.put(v.name(), role);
            variants.add(new VariantInfo(
                    v.name(),
                    v.model(),
                    role,
                    null,
                    Boolean.TRUE.equals(v.frozen()),
                    recorded(parts, v.name()),
                    v.checkpoint()));
        }
        for (SummaryDocument.Suite part : parts) {
            part.variants().forEach(v -> retries.merge(v.name(), v.retries(), Long::sum));
        }
        List<SummaryDocument.Case> cases = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (SummaryDocument.Suite part : parts) {
            for (SummaryDocument.Case c : part.cases()) {
                if (!ids.add(c.id())) {
                    throw new MergeException("case '" + c.id() + "' of suite '" + first.name()
                            + "' is in more than one shard: merge the shards of one run, each once");
                }
                cases.add(c);
            }
        }
        cases.sort(Comparator.comparing(c -> c.index() == null ? Integer.MAX_VALUE : c.index()));
        List<CaseResult> caseResults = new ArrayList<>(cases.size());
        for (SummaryDocument.Case c : cases) {
            Map<String, VariantResult> byVariant = new LinkedHashMap<>();
            for (String variant : roleOf.keySet()) {
                SummaryDocument.CaseVariant cv = c.variants().get(variant);
                if (cv != null) {
                    long extra = retries.getOrDefault(variant, 0L);
                    VariantResult r = variantResult(variant, cv, (int) Math.min(Integer.MAX_VALUE, extra));
                    if (!r.samples().isEmpty()) {
                        retries.put(variant, 0L); // a variant's retries ride on its first sample
                    }
                    byVariant.put(variant, r);
                }
            }
            caseResults.add(new CaseResult(c.id(), 0, c.tags(), null, byVariant, c.index() == null ? -1 : c.index()));
        }
        Roles roles = new Roles(
                roleOf,
                roleOf.entrySet().stream()
                        .filter(e -> e.getValue() == Role.BASELINE)
                        .map(Map.Entry::getKey)
                        .findFirst(),
                first.candidates().stream()
                        .map(SummaryDocument.Candidate::candidate)
                        .toList(),
                "gate".equals(first.mode()));
        List<CaseOutcome> outcomes =
                caseResults.stream().map(CaseResult::outcome).toList();
        Map<String, Integer> caseOrder = new LinkedHashMap<>();
        cases.forEach(c -> caseOrder.put(c.id(), c.index() == null ? Integer.MAX_VALUE : c.index()));
        GradedTally graded = GradedTally.merged(
                parts.stream().map(SummaryDocument.Suite::modelGraded).toList(), caseOrder);
        Optional<JsonNode> winRateRules = winRateRules(first);
        List<GateVerdict> verdicts = roles.candidates().stream()
                .map(candidate -> GateEvaluator.evaluate(
                        first.name(), first.gate(), roles, candidate, outcomes, first.caseCount()))
                .map(verdict -> graded.withWinRateRules(verdict, winRateRules))
                .toList();
        return new SuiteResult(
                first.name(),
                first.location(),
                first.contentHash(),
                roles.gated(),
                variants,
                caseResults,
                verdicts,
                first.gate(),
                usage(parts),
                graded.summary(),
                CheckpointRecommender.sweeps(first.gate(), VariantInfo.checkpoints(variants), verdicts, outcomes));
    }

    /**
     * The suite's win-rate gate rules ({@code minWinRate}, {@code winRateNonInferiority}), read back from the
     * checks its shards' gates reported (the rules live in the suite's {@code gate:} block, not in the gate
     * policy the shards record); empty when none has them.
     */
    private static Optional<JsonNode> winRateRules(SummaryDocument.Suite shard) {
        ObjectNode rules = JSON.createObjectNode();
        shard.candidates().stream().flatMap(c -> c.checks().stream()).forEach(check -> {
            if (check.name().equals("minWinRate") && check.required().startsWith(">= ")) {
                rules.put("minWinRate", Double.parseDouble(check.required().substring(3)));
            }
            java.util.regex.Matcher ni = NON_INFERIORITY.matcher(check.required());
            if (check.name().equals("winRateNonInferiority") && ni.matches()) {
                rules.putObject("winRateNonInferiority")
                        .put("margin", Double.parseDouble(ni.group(2)))
                        .put("confidence", Double.parseDouble(ni.group(1)) / 100);
            }
        });
        return rules.isEmpty() ? Optional.empty() : Optional.of(rules);
    }

    /** The requirement of a {@code winRateNonInferiority} check: {@code lower 95% bound >= 0.5 - 0.1}. */
    private static final java.util.regex.Pattern NON_INFERIORITY =
            java.util.regex.Pattern.compile("lower ([0-9.]+)% bound >= 0\\.5 - ([0-9.]+)");

    /** When a frozen variant's answers were recorded, over every shard; null when no shard knows. */
    private static RecordedSpan recorded(List<SummaryDocument.Suite> parts, String variant) {
        RecordedSpan span = null;
        for (SummaryDocument.Suite part : parts) {
            for (SummaryDocument.Variant v : part.variants()) {
                if (v.name().equals(variant) && v.recorded() != null) {
                    RecordedSpan shard = new RecordedSpan(
                            Instant.parse(v.recorded().earliest()),
                            Instant.parse(v.recorded().latest()));
                    span = span == null ? shard : span.plus(shard);
                }
            }
        }
        return span;
    }

    /** Each variant's tokens and cost summed over the shards (cost unknown when a shard's is). */
    private static Map<String, VariantUsage> usage(List<SummaryDocument.Suite> parts) {
        Map<String, VariantUsage> usage = new LinkedHashMap<>();
        for (SummaryDocument.Suite part : parts) {
            for (SummaryDocument.Variant v : part.variants()) {
                SummaryDocument.Usage u = v.usage();
                if (u != null) {
                    VariantUsage shard = new VariantUsage(
                            new TokenUsage(u.calls(), u.promptTokens(), u.outputTokens(), u.thinkingTokens()),
                            new TokenUsage(0, u.judgeTokens(), 0, 0),
                            u.costUsd());
                    usage.merge(v.name(), shard, VariantUsage::plus);
                }
            }
        }
        return usage;
    }

    /**
     * One case on one variant as its shard's summary recorded it: {@code passes} passing samples of
     * {@code samples}, the others failing (or, for an error, without an answer), and the pass threshold
     * that gives the recorded status.
     */
    private static VariantResult variantResult(String variant, SummaryDocument.CaseVariant cv, int retries) {
        if (cv.status() == Outcome.SKIPPED || cv.samples() == null || cv.samples() == 0) {
            return new VariantResult(variant, List.of(), 1.0, "not run in its shard");
        }
        int samples = cv.samples();
        int passes = cv.passes() == null ? 0 : cv.passes();
        List<SampleResult> list = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            boolean passed = s < passes;
            String error = cv.status() == Outcome.ERROR ? "no sample answered (merged from a shard)" : null;
            List<MatcherResult> matchers = passed || error != null
                    ? List.of()
                    : List.of(new MatcherResult(
                            "merged",
                            "failed in its shard",
                            false,
                            null,
                            0,
                            null,
                            Boolean.TRUE.equals(cv.inconclusive())));
            list.add(new SampleResult(
                    passed || error == null ? "" : null,
                    null,
                    matchers,
                    0,
                    null,
                    null,
                    null,
                    s == 0 ? retries : 0,
                    error,
                    null,
                    null));
        }
        double threshold = cv.status() == Outcome.PASSED ? passes / (double) samples : 1.0;
        return new VariantResult(variant, list, threshold, null);
    }

    /**
     * Copies every shard's Allure results into {@code <reportsDir>/allure-results} except gate results
     * (a shard's gate judged a part), writes one gate result per suite and candidate from the merged
     * verdicts, and the run's environment; returns the number of files copied.
     */
    private static int mergeAllure(List<Path> shards, Path reportsDir, RunResult run, Map<String, String> env) {
        Path out = reportsDir.resolve("allure-results");
        int copied = 0;
        try {
            Files.createDirectories(out);
            for (Path dir : shards) {
                if (dir.toAbsolutePath().normalize().equals(out.toAbsolutePath().normalize())) {
                    throw new MergeException("the merged reports directory " + reportsDir
                            + " is one of the shards' directories: give another --reports");
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String name = file.getFileName().toString();
                        if (name.equals("environment.properties")
                                || name.equals("executor.json")
                                || name.equals("categories.json")
                                || (name.endsWith("-result.json") && isGate(file))) {
                            continue;
                        }
                        Files.copy(file, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        copied++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot merge Allure results into " + out + ": " + e.getMessage(), e);
        }
        AllureReporter allure = new AllureReporter(
                new AllureLifecycle(new FileSystemResultsWriter(out)), () -> null, Clock.systemUTC());
        for (SuiteResult suite : run.suites()) {
            for (GateVerdict verdict : suite.verdicts()) {
                allure.gateFinished(
                        suite.name(),
                        SuiteLocations.display(URI.create(suite.location())),
                        verdict,
                        null,
                        suite.name() + " › gate [" + verdict.candidate() + "]");
            }
        }
        allure.finish();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("merged shards", String.valueOf(shards.size()));
        for (SuiteResult s : run.suites()) {
            s.variants()
                    .forEach(v -> environment.put(
                            "model." + s.name() + "." + v.name(),
                            v.model() + " (" + v.role().yamlName() + ")"));
        }
        RunArtifacts.write(out, environment, env);
        Allure3Config.write(
                reportsDir,
                out,
                run.suites().stream().flatMap(s -> s.variants().stream()).toList());
        return copied;
    }

    /** Whether an Allure result file is a gate test's (its story or sub-suite label is {@code gate}). */
    private static boolean isGate(Path file) throws IOException {
        JsonNode result = JSON.readTree(file.toFile());
        for (JsonNode label : result.path("labels")) {
            String name = label.path("name").asText();
            String value = label.path("value").asText();
            if ((name.equals("subSuite") && value.equals("gate"))
                    || (name.equals("junit.platform.uniqueid") && value.contains("/[gate:"))) {
                return true;
            }
        }
        return false;
    }
}
