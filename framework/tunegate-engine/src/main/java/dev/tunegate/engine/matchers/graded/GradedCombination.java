package dev.tunegate.engine.matchers.graded;

import dev.tunegate.engine.matchers.Matcher;
import dev.tunegate.engine.matchers.MatcherDefinitionException;
import dev.tunegate.engine.matchers.MatcherOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.opentest4j.AssertionFailedError;

/**
 * {@code not}, {@code all} or {@code any} with model-graded matchers inside (at any depth): graded like
 * them, by the engine. Its calls are its nested graded matchers' calls, in entry order; its verdict combines
 * the nested verdicts three-valued, so that it never lies: {@code not} swaps PASS and FAIL and keeps
 * INCONCLUSIVE and ERROR; {@code all} is FAIL when any nested matcher fails, else ERROR when any is an ERROR,
 * else INCONCLUSIVE when any is, else PASS; {@code any} is PASS when any nested matcher passes, else ERROR,
 * else INCONCLUSIVE, else FAIL. Nested matchers that are not model-graded are checked on the answer as
 * usual (an exception from one is an ERROR). The grading of every nested model-graded matcher is kept
 * ({@link GradedOutcome#nested()}) under its path, e.g. {@code all/0/judge}.
 */
@API(status = API.Status.INTERNAL)
public final class GradedCombination implements ModelGradedMatcher {

    /** Which combinator. */
    public enum Mode {
        NOT("not", ""),
        ALL("all", "; "),
        ANY("any", " | ");

        private final String key;
        private final String separator;

        Mode(String key, String separator) {
            this.key = key;
            this.separator = separator;
        }
    }

    private final Mode mode;
    private final List<Matcher> children;
    private final List<String> names;
    private final boolean advisory;

    private GradedCombination(Mode mode, List<Matcher> children, List<String> names, boolean advisory) {
        this.mode = mode;
        this.children = children;
        this.names = names;
        this.advisory = advisory;
    }

    /**
     * The combinator graded by the engine when a child is model-graded (a built-in one, a {@code
     * JudgedMatcher}, or a combinator containing one), else empty.
     *
     * @param children the nested matchers, as created
     * @param names the nested entries' matcher names, for paths
     * @throws MatcherDefinitionException for a nested {@code pairwise} (top level only: it feeds the win-rate
     *     gate), or an advisory judge under {@code not} (its verdict is not enforced, so it cannot be negated)
     */
    public static Optional<Matcher> of(Mode mode, List<Matcher> children, List<String> names) {
        List<Matcher> adapted = new ArrayList<>(children.size());
        boolean graded = false;
        boolean advisory = false;
        for (int i = 0; i < children.size(); i++) {
            Matcher child = children.get(i);
            Optional<ModelGradedMatcher> g = ModelGradedMatcher.of(child, names.get(i));
            if (g.isPresent()) {
                graded = true;
                if (g.get().comparedVariant().isPresent()) {
                    MatcherDefinitionException e = new MatcherDefinitionException(
                                    "a pairwise comparison can only be an entry of expect: itself, not nested in"
                                            + " not/all/any: it feeds the pairwise win rate and the gate's"
                                            + " minWinRate, which count every comparison")
                            .under(names.get(i), names.get(i));
                    throw mode == Mode.NOT ? e : e.under(String.valueOf(i));
                }
                advisory |= advisory(g.get());
            }
            adapted.add(g.<Matcher>map(m -> m).orElse(child));
        }
        if (!graded) {
            return Optional.empty();
        }
        if (mode == Mode.NOT && advisory) {
            throw new MatcherDefinitionException("an advisory judge (minKappa without a recorded agreement at or"
                    + " above it) cannot be negated: its verdict is reported, not enforced, so not would fail on"
                    + " it; remove minKappa or the not");
        }
        return Optional.of(new GradedCombination(mode, List.copyOf(adapted), List.copyOf(names), advisory));
    }

    private static boolean advisory(ModelGradedMatcher m) {
        return m instanceof RubricJudge r && r.advisory().isPresent() || m instanceof GradedCombination c && c.advisory;
    }

    @Override
    public String kind() {
        return mode.key;
    }

    @Override
    public String description() {
        return mode.key + " (" + children.stream().map(Matcher::description).collect(Collectors.joining(mode.separator))
                + ")";
    }

    @Override
    public List<GradingCall> calls(GradingInput input) {
        List<GradingCall> calls = new ArrayList<>();
        for (Matcher child : children) {
            if (child instanceof ModelGradedMatcher g) {
                calls.addAll(callsOf(g, input));
            }
        }
        return calls;
    }

    /** A child's calls; none when asking for them throws (its grade then reports the error). */
    private static List<GradingCall> callsOf(ModelGradedMatcher g, GradingInput input) {
        try {
            return g.calls(input);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public GradedOutcome grade(GradingInput input, List<GradingReply> replies) {
        List<GradeStatus> statuses = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        List<NestedGrading> nested = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < children.size(); i++) {
            Matcher child = children.get(i);
            String path = mode.key + "/" + (mode == Mode.NOT ? "" : i + "/") + names.get(i);
            MatcherOutcome outcome;
            if (child instanceof ModelGradedMatcher g) {
                int count = callsOf(g, input).size();
                List<GradingReply> mine =
                        replies.subList(Math.min(next, replies.size()), Math.min(next + count, replies.size()));
                next += count;
                GradedOutcome graded;
                try {
                    graded = g.grade(input, List.copyOf(mine));
                } catch (RuntimeException e) {
                    graded = failed(g, e);
                }
                outcome = graded.outcome();
                statuses.add(status(graded));
                if (graded.nested().isEmpty() || !(g instanceof GradedCombination)) {
                    nested.add(new NestedGrading(path, g.description(), graded.grading()));
                } else {
                    String prefix = mode.key + "/" + (mode == Mode.NOT ? "" : i + "/");
                    for (NestedGrading n : graded.nested()) {
                        nested.add(new NestedGrading(prefix + n.path(), n.description(), n.grading()));
                    }
                }
            } else {
                outcome = check(child, input);
                statuses.add(
                        outcome.passed()
                                ? GradeStatus.PASS
                                : outcome.failure() instanceof AssertionError ? GradeStatus.FAIL : GradeStatus.ERROR);
            }
            if (!outcome.passed()) {
                messages.add("  - " + outcome.message().strip().replace("\n", "\n    "));
            }
        }
        GradeStatus status = combine(statuses);
        long tokens = nested.stream().mapToLong(n -> n.grading().judgeTokens()).sum();
        String reasoning = nested.stream()
                .map(n -> "/" + n.path() + ": " + n.grading().kind() + " "
                        + n.grading().status()
                        + (n.grading().score() == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " (score %.3f)",
                                        n.grading().score()))
                        + (n.grading().reasoning().isEmpty()
                                ? ""
                                : ": " + n.grading().reasoning()))
                .collect(Collectors.joining("\n"));
        List<String> raw =
                nested.stream().flatMap(n -> n.grading().raw().stream()).toList();
        Grading grading = new Grading(mode.key, status, null, reasoning, raw, null, null, tokens);
        return new GradedOutcome(
                new MatcherOutcome(
                        description(),
                        failure(
                                status,
                                statuses.stream()
                                        .filter(GradeStatus.FAIL::equals)
                                        .count(),
                                messages,
                                input)),
                grading,
                nested);
    }

    /** The three-valued verdict of the children's verdicts. */
    GradeStatus combine(List<GradeStatus> statuses) {
        return switch (mode) {
            case NOT ->
                switch (statuses.get(0)) {
                    case PASS -> GradeStatus.FAIL;
                    case FAIL -> GradeStatus.PASS;
                    default -> statuses.get(0);
                };
            case ALL ->
                statuses.contains(GradeStatus.FAIL)
                        ? GradeStatus.FAIL
                        : undecided(statuses).orElse(GradeStatus.PASS);
            case ANY ->
                statuses.contains(GradeStatus.PASS)
                        ? GradeStatus.PASS
                        : undecided(statuses).orElse(GradeStatus.FAIL);
        };
    }

    private static Optional<GradeStatus> undecided(List<GradeStatus> statuses) {
        return statuses.contains(GradeStatus.ERROR)
                ? Optional.of(GradeStatus.ERROR)
                : statuses.contains(GradeStatus.INCONCLUSIVE)
                        ? Optional.of(GradeStatus.INCONCLUSIVE)
                        : Optional.empty();
    }

    /** A graded outcome's verdict for combining: a pass (also an advisory judge's, a tie, a win) is PASS. */
    private static GradeStatus status(GradedOutcome graded) {
        if (graded.outcome().passed()) {
            return GradeStatus.PASS;
        }
        if (!(graded.outcome().failure() instanceof AssertionError)) {
            return GradeStatus.ERROR;
        }
        return graded.grading().status() == GradeStatus.INCONCLUSIVE ? GradeStatus.INCONCLUSIVE : GradeStatus.FAIL;
    }

    private static MatcherOutcome check(Matcher child, GradingInput input) {
        try {
            child.check(input.answer());
            return MatcherOutcome.passed(child.description());
        } catch (AssertionError | RuntimeException e) {
            return new MatcherOutcome(child.description(), e);
        }
    }

    private static GradedOutcome failed(ModelGradedMatcher g, RuntimeException e) {
        String problem = "grading failed: " + e;
        return new GradedOutcome(
                new MatcherOutcome(
                        g.description(),
                        new JudgeGradingException(
                                "[" + g.description() + "] could not be graded: " + problem + " (never a pass)")),
                new Grading(g.kind(), GradeStatus.ERROR, null, problem, List.of(), null, null, 0));
    }

    private Throwable failure(GradeStatus status, long failed, List<String> messages, GradingInput input) {
        String list = String.join("\n", messages);
        String actual = input.answer().hasCandidate() ? input.answer().text() : "<no candidate>";
        return switch (status) {
            case PASS -> null;
            case FAIL ->
                new AssertionFailedError(
                        "[" + description() + "] "
                                + switch (mode) {
                                    case NOT ->
                                        "Expected the answer not to satisfy: "
                                                + children.get(0).description() + "\nbut it did; answer text:\n  \""
                                                + actual + "\"";
                                    case ALL -> failed + " of " + children.size() + " nested matchers failed:\n" + list;
                                    case ANY ->
                                        "Expected at least one of " + children.size()
                                                + " nested matchers to pass, but none did:\n" + list;
                                },
                        description(),
                        actual);
            case INCONCLUSIVE ->
                new AssertionFailedError("[" + description() + "] is inconclusive: a nested"
                        + " model-graded check is inconclusive and decides it (an inconclusive verdict is not a pass):\n"
                        + list);
            default ->
                new JudgeGradingException("[" + description() + "] could not be graded: a nested check is an"
                        + " ERROR and decides it (never a pass):\n" + list);
        };
    }
}
