package dev.tunegate.engine.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tunegate.engine.matchers.builtin.RegexRisk;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Time limit of matchers ({@code tunegate.matcher.timeout}) and the discovery check of regexes. */
class TimeLimitTest extends MatcherTestSupport {
    private static final Duration LIMIT = Duration.ofMillis(200);

    @Test
    void aRegexPastItsLimitFailsNamingItsPlaceAndTheOtherMatchersStillRun() {
        ModelAnswer answer = answer("a".repeat(40));
        List<Matcher> matchers = List.of(
                limited(matcher("regex: '(.*a){25}x'"), "suites/a.eval.yaml:7"),
                limited(matcher("contains: aaa"), "suites/a.eval.yaml:8"),
                limited(matcher("contains: b"), "suites/a.eval.yaml:9"));
        Verdict verdict = assertTimeoutPreemptively(
                Duration.ofSeconds(30), () -> Expectations.evaluate(matchers, answer), "finishes");
        assertThat(verdict.results()).extracting(MatcherOutcome::passed).containsExactly(false, true, false);
        assertThat(verdict.results().get(0).message())
                .contains("[regex /(.*a){25}x/]", "suites/a.eval.yaml:7", "PT0.2S", "tunegate.matcher.timeout");
        assertThat(verdict.results().get(2).message()).contains("contains");
    }

    @Test
    void aMatcherThatIgnoresInterruptsDoesNotBlockTheCaller() {
        AtomicBoolean release = new AtomicBoolean();
        Matcher stuck = new Matcher() {
            @Override
            public void check(ModelAnswer answer) {
                while (!release.get()) {
                    Thread.onSpinWait(); // ignores the interrupt flag
                }
            }

            @Override
            public String description() {
                return "stuck";
            }
        };
        try {
            Verdict verdict = assertTimeoutPreemptively(
                    Duration.ofSeconds(30),
                    () -> Expectations.evaluate(List.of(limited(stuck, "s.eval.yaml:3")), answer("x")),
                    "finishes");
            assertThat(verdict.failures())
                    .singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("[stuck] at s.eval.yaml:3"));
        } finally {
            release.set(true);
        }
    }

    @Test
    void passingAndFailingMatchersGiveTheSameOutcomesWithAndWithoutTheLimit() {
        ModelAnswer answer = answer("The refund is on its way");
        List<Matcher> plain = List.of(matcher("contains: refund"), matcher("regex: '^\\d+$'"), matcher("isJson"));
        List<Matcher> limited =
                plain.stream().map(m -> (Matcher) limited(m, "s.eval.yaml:1")).toList();
        assertThat(Expectations.evaluate(limited, answer).results())
                .extracting(MatcherOutcome::description, MatcherOutcome::message)
                .containsExactlyElementsOf(Expectations.evaluate(plain, answer).results().stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.description(), r.message()))
                        .toList());
    }

    @Test
    void aCallerThatWasInterruptedGetsTheVerdictAndKeepsItsInterrupt() {
        List<Matcher> matchers = List.of(
                limited(matcher("regex: 'refund \\d+'"), "s.eval.yaml:1"),
                limited(matcher("all: [{contains: refund}, {not: {contains: sorry}}]"), "s.eval.yaml:2"));
        Thread.currentThread().interrupt();
        try {
            Verdict verdict = Expectations.evaluate(matchers, answer("your refund 12 is on its way"));
            assertThat(verdict.passed()).as(verdict.results().toString()).isTrue();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aCatastrophicRegexInsideACombinatorIsStoppedAtItsLimit() {
        ModelAnswer answer = answer("a".repeat(40));
        Verdict verdict = assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> Expectations.evaluate(
                        List.of(limited(matcher("not: {regex: '(.*a){25}x'}"), "s.eval.yaml:4")), answer),
                "finishes");
        assertThat(verdict.failures())
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("s.eval.yaml:4", "tunegate.matcher.timeout"));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aMatcherThatBlocksWithinItsLimitPasses() {
        Matcher blocking = new Matcher() { // e.g. a model-graded matcher waiting for its model
                    @Override
                    public void check(ModelAnswer answer) {
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    @Override
                    public String description() {
                        return "blocking";
                    }
                };
        Verdict verdict = Expectations.evaluate(
                List.of(limited(blocking, "s.eval.yaml:5"), limited(matcher("contains: x"), "s.eval.yaml:6")),
                answer("x"));
        assertThat(verdict.passed()).as(verdict.results().toString()).isTrue();
    }

    @Test
    void cheapRegexCheckFindsNestedQuantifiersAndOverlappingAlternatives() {
        assertThat(List.of("(.*a){25}x", "(a+)+", "^(a|aa)*$", "(\\w+\\s?)*$", "((ab)*c)+", "(?:x+y?)+z", "([a-z]+)*!"))
                .allSatisfy(p -> assertThat(RegexRisk.of(p)).as(p).isPresent());
        assertThat(List.of(
                        "^\\{.*\\}$",
                        "(cat|dog)+",
                        "(ab)+",
                        "(a+){2}",
                        "(?>a+)+",
                        "(a++)+",
                        "\\(a+\\)+",
                        "[(a+)]+",
                        "\\Q(a+)+\\E",
                        "(?i)refund(ed)?",
                        "^intent: \\w+$"))
                .allSatisfy(p -> assertThat(RegexRisk.of(p)).as(p).isEmpty());
        assertThat(RegexRisk.of("(.*a){25}x").orElseThrow()).contains("(.*a){25}");
    }

    @Test
    void aRepeatedGroupDelimitedByACharacterItsAtomsCannotMatchIsNotReported() {
        assertThat(List.of(
                        "^[A-Z]+(?: [A-Z]+){31}$",
                        "^Echo: [a-z]+(?: [a-z]+){36}$",
                        "^([a-z]+,)*$",
                        "^\\d+(?:\\.\\d+)+$",
                        "(?:;\\w+\\s*)*"))
                .allSatisfy(p -> assertThat(RegexRisk.of(p)).as(p).isEmpty());
        assertThat(List.of(
                        "(?: .+){20}",
                        "(?: [a-z ]+)*",
                        "(?i)(?:A[a-z]+){20}",
                        "(?x)(?: [a-z]+){20}",
                        "(?: [a-z]+| [0-9]+)*",
                        "(?: ?[a-z]+){20}",
                        "(?: (?:[a-z]+)+)*"))
                .allSatisfy(p -> assertThat(RegexRisk.of(p)).as(p).isPresent());
    }

    private static TimeLimitedMatcher limited(Matcher matcher, String location) {
        return new TimeLimitedMatcher(matcher, location, LIMIT);
    }
}
