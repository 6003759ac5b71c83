package dev.tunegate.engine.matchers.graded;

import dev.tunegate.engine.matchers.MatcherOutcome;
import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * The {@code pairwise} matcher: a judge compares the answer with the compared variant's answer to the
 * same case and sample against a rubric, twice with the order swapped (first the answer as A, then as
 * B) to cancel position bias. Both orders preferring the answer is a WIN, both preferring the other a
 * LOSS (which fails), anything else a TIE. The compared variant's own tests, and samples without an
 * answer to compare with, are NOT_COMPARED and pass.
 *
 * @param rubric the criteria
 * @param against the compared variant (the suite's baseline unless given)
 * @param model the judge model; empty for {@code tunegate.judge.model}
 * @param temperature the judge's temperature
 */
@API(status = API.Status.INTERNAL)
public record PairwiseJudge(String rubric, String against, Optional<String> model, double temperature)
        implements ModelGradedMatcher {

    private static final List<String> WINNERS = List.of("A", "B", "TIE");

    @Override
    public String kind() {
        return "pairwise";
    }

    @Override
    public String description() {
        String shown = rubric.strip().replaceAll("\\s+", " ");
        return "pairwise vs " + against + " \"" + (shown.length() > 60 ? shown.substring(0, 57) + "..." : shown) + "\"";
    }

    @Override
    public Optional<String> comparedVariant() {
        return Optional.of(against);
    }

    @Override
    public List<GradingCall> calls(GradingInput input) {
        if (input.variant().equals(against) || input.compared().isEmpty()) {
            return List.of();
        }
        String mine = input.answer().text();
        String theirs = input.compared().get().text();
        return List.of(
                GradingCall.generate(
                        model,
                        JudgePrompt.request(
                                JudgePrompt.pairwise(rubric, input.prompt(), mine, theirs),
                                JudgePrompt.winnerSchema(),
                                temperature,
                                null)),
                GradingCall.generate(
                        model,
                        JudgePrompt.request(
                                JudgePrompt.pairwise(rubric, input.prompt(), theirs, mine),
                                JudgePrompt.winnerSchema(),
                                temperature,
                                null)));
    }

    @Override
    public GradedOutcome grade(GradingInput input, List<GradingReply> replies) {
        String compared = input.compared().map(a -> a.text()).orElse(null);
        if (replies.isEmpty()) {
            String why = input.variant().equals(against)
                    ? "this is the compared variant " + against
                    : "variant " + against + " has no answer to compare with";
            return new GradedOutcome(
                    MatcherOutcome.passed(description() + " (not compared: " + why + ")"),
                    new Grading("pairwise", GradeStatus.NOT_COMPARED, null, why, List.of(), compared, null, 0));
        }
        JudgeReply first = JudgeReply.read(replies.get(0), "winner", WINNERS);
        JudgeReply swapped = JudgeReply.read(replies.get(1), "winner", WINNERS);
        long tokens = first.tokens() + swapped.tokens();
        if (first.unusable() || swapped.unusable()) {
            JudgeReply bad = first.unusable() ? first : swapped;
            Grading grading = new Grading(
                    "pairwise",
                    GradeStatus.ERROR,
                    null,
                    bad.problem(),
                    List.of(first.raw(), swapped.raw()),
                    compared,
                    null,
                    tokens);
            return new GradedOutcome(
                    new MatcherOutcome(
                            description(),
                            new JudgeGradingException("[" + description() + "] could not be graded: " + bad.problem()
                                    + "; the judge's raw output: \"" + bad.raw() + "\" (never a pass)")),
                    grading);
        }
        // order 1: this answer is A; order 2 (swapped): this answer is B
        int mine = vote(first.field(), "A") + vote(swapped.field(), "B");
        GradeStatus status = mine == 2 ? GradeStatus.WIN : mine == -2 ? GradeStatus.LOSS : GradeStatus.TIE;
        String reasoning = "[" + input.variant() + " as A: " + first.field() + "] " + first.reasoning() + " ["
                + input.variant() + " as B: " + swapped.field() + "] " + swapped.reasoning()
                + (status == GradeStatus.TIE && mine == 0 && !first.field().equals("TIE")
                        ? " The two orders disagree: a tie."
                        : "");
        Double score = status == GradeStatus.WIN ? 1.0 : status == GradeStatus.LOSS ? 0.0 : 0.5;
        Grading grading = new Grading("pairwise", status, score, reasoning, List.of(), compared, null, tokens);
        if (status == GradeStatus.LOSS) {
            return new GradedOutcome(
                    new MatcherOutcome(
                            description(),
                            new AssertionFailedError(
                                    "[" + description() + "] the answer loses to " + against + "'s in both orders: "
                                            + reasoning,
                                    against + "'s answer or better",
                                    "worse")),
                    grading);
        }
        return new GradedOutcome(MatcherOutcome.passed(description() + " → " + status), grading);
    }

    /** +1 when the judge preferred this answer, -1 when it preferred the other, 0 for a tie. */
    private static int vote(String winner, String mine) {
        return winner.equals("TIE") ? 0 : winner.equals(mine) ? 1 : -1;
    }
}
