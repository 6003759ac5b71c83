package dev.tunegate.engine.matchers.graded;

import dev.tunegate.engine.matchers.MatcherOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * The {@code judge} matcher: a judge model grades the answer against a rubric ({@link JudgePrompt}),
 * {@code samples} times. The verdict is the majority; when fewer than {@code minAgreement} of the samples
 * agree with it (or the vote is even), the result is INCONCLUSIVE, which fails. Any sample the judge could
 * not grade makes the result an ERROR with the raw output. An advisory judge (its calibration is missing
 * or below {@code minKappa}) reports its verdict but always passes.
 *
 * @param rubric the criteria
 * @param reference an optional reference answer
 * @param model the judge model; empty for {@code tunegate.judge.model}
 * @param samples how many times the judge grades each answer
 * @param temperature the judge's temperature
 * @param minAgreement the smallest share of samples that must agree with the majority
 * @param advisory why the judge is advisory; empty when enforced
 */
@API(status = API.Status.INTERNAL)
public record RubricJudge(
        String rubric,
        Optional<String> reference,
        Optional<String> model,
        int samples,
        double temperature,
        double minAgreement,
        Optional<String> advisory)
        implements ModelGradedMatcher {

    private static final List<String> VERDICTS = List.of("PASS", "FAIL");

    @Override
    public String kind() {
        return "judge";
    }

    @Override
    public String description() {
        String shown = rubric.strip().replaceAll("\\s+", " ");
        return "judge \"" + (shown.length() > 80 ? shown.substring(0, 77) + "..." : shown) + "\""
                + (samples > 1 ? " × " + samples : "");
    }

    @Override
    public List<GradingCall> calls(GradingInput input) {
        String text = JudgePrompt.rubric(
                rubric, reference, input.prompt(), input.answer().text());
        List<GradingCall> calls = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            calls.add(GradingCall.generate(
                    model,
                    JudgePrompt.request(text, JudgePrompt.verdictSchema(), temperature, samples > 1 ? i + 1 : null)));
        }
        return calls;
    }

    @Override
    public GradedOutcome grade(GradingInput input, List<GradingReply> replies) {
        List<JudgeReply> read = replies.stream()
                .map(r -> JudgeReply.read(r, "verdict", VERDICTS))
                .toList();
        long tokens = read.stream().mapToLong(JudgeReply::tokens).sum();
        List<JudgeReply> unusable = read.stream().filter(JudgeReply::unusable).toList();
        if (!unusable.isEmpty() || read.isEmpty()) {
            JudgeReply first = unusable.isEmpty() ? null : unusable.get(0);
            String problem = first == null ? "no judge sample ran" : first.problem();
            List<String> raw = read.stream().map(JudgeReply::raw).toList();
            Grading grading =
                    new Grading("judge", GradeStatus.ERROR, null, problem, raw, null, advisory.orElse(null), tokens);
            String message = "[" + description() + "] could not be graded: " + problem + "; the judge's raw output: "
                    + (first == null ? "" : '"' + first.raw() + '"')
                    + " (an answer the judge cannot grade is never a pass)";
            return outcome(new JudgeGradingException(message), grading);
        }
        long passes = read.stream().filter(r -> r.field().equals("PASS")).count();
        long fails = read.size() - passes;
        double score = read.stream()
                .map(JudgeReply::score)
                .filter(s -> s != null)
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(passes > fails ? 1.0 : 0.0);
        StringBuilder reasoning = new StringBuilder();
        for (int i = 0; i < read.size(); i++) {
            if (read.size() > 1) {
                reasoning
                        .append(i == 0 ? "" : " ")
                        .append('[')
                        .append(i + 1)
                        .append(": ")
                        .append(read.get(i).field())
                        .append("] ");
            }
            reasoning.append(read.get(i).reasoning());
        }
        double agreement = (double) Math.max(passes, fails) / read.size();
        String votes = read.size() > 1 ? " (" + passes + " PASS, " + fails + " FAIL)" : "";
        GradeStatus status;
        Throwable failure = null;
        if (passes == fails || agreement < minAgreement) {
            status = GradeStatus.INCONCLUSIVE;
            failure = new AssertionFailedError(String.format(
                    Locale.ROOT,
                    "[%s] is inconclusive: the judge's samples disagree%s, agreement %.2f below minAgreement %s;"
                            + " an inconclusive verdict is not a pass. Reasoning: %s",
                    description(),
                    votes,
                    agreement,
                    minAgreement,
                    reasoning));
        } else if (passes > fails) {
            status = GradeStatus.PASS;
        } else {
            status = GradeStatus.FAIL;
            failure = new AssertionFailedError(
                    "[" + description() + "] the judge's verdict is FAIL" + votes
                            + String.format(Locale.ROOT, " (score %.2f). Reasoning: %s", score, reasoning),
                    "PASS",
                    "FAIL: " + reasoning);
        }
        Grading grading = new Grading(
                "judge", status, score, reasoning.toString(), List.of(), null, advisory.orElse(null), tokens);
        return outcome(failure, grading);
    }

    private GradedOutcome outcome(Throwable failure, Grading grading) {
        if (advisory.isPresent()) {
            return new GradedOutcome(
                    MatcherOutcome.passed(
                            description() + " (advisory: " + advisory.get() + "; verdict " + grading.status() + ")"),
                    grading);
        }
        return new GradedOutcome(new MatcherOutcome(description(), failure), grading);
    }
}
