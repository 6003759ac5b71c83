package dev.tunegate.engine.matchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class TextMatchersTest extends MatcherTestSupport {

    @Nested
    class EqualsMatcher {

        @Test
        void passesOnExactText() {
            assertThatCode(() -> matcher("equals: '{\"intent\":\"refund\"}'").check(answer("{\"intent\":\"refund\"}")))
                    .doesNotThrowAnyException();
        }

        @Test
        void failsWithExpectedAndActualAndNamesTheMatcher() {
            Matcher equals = matcher("equals: refund");
            AssertionFailedError error = failure(equals, answer("Refund "));

            assertThat(error.getExpected().getValue()).isEqualTo("refund");
            assertThat(error.getActual().getValue()).isEqualTo("Refund ");
            assertThat(error.getMessage()).startsWith("[equals \"refund\"]").contains("\"Refund \"");
            assertThat(equals.description()).isEqualTo("equals \"refund\"");
        }

        @Test
        void numbersInYamlCompareAsText() {
            assertThatCode(() -> matcher("equals: 42").check(answer("42"))).doesNotThrowAnyException();
        }

        @Test
        void ignoreCaseAndTrimOptions() {
            ModelAnswer answer = answer("  Refund\n");
            assertThat(failure(matcher("equals: {value: refund, ignoreCase: true}"), answer))
                    .isNotNull();
            assertThat(failure(matcher("equals: {value: Refund, trim: true}"), answer))
                    .isNull();
            assertThat(failure(matcher("equals: {value: refund, trim: true}"), answer))
                    .isNotNull();
            assertThat(failure(matcher("equals: {value: REFUND, ignoreCase: true, trim: true}"), answer))
                    .isNull();
            assertThat(matcher("equals: {value: REFUND, ignoreCase: true, trim: true}")
                            .description())
                    .isEqualTo("equals \"REFUND\" (ignoring case and surrounding whitespace)");
        }

        @Test
        void jsonEqualityIgnoresKeyOrderWhitespaceAndNumberForm() {
            ModelAnswer answer = answer("{ \"b\": 1.0,\n \"a\": [true, null] }");
            assertThat(failure(matcher("equals: {value: {a: [true, null], b: 1}}"), answer))
                    .isNull();
            assertThat(failure(matcher("equals: {value: '{\"a\":[true,null],\"b\":1}', json: true}"), answer))
                    .isNull();

            AssertionFailedError error = failure(matcher("equals: {value: {a: [true], b: 1}}"), answer);
            assertThat(error.getMessage()).startsWith("[equals JSON {\"a\":[true],\"b\":1}]");
            assertThat(error.getExpected().getStringRepresentation()).contains("\"a\"");
            assertThat(error.getActual().getStringRepresentation()).contains("null");
        }

        @Test
        void jsonEqualityFailsWhenTheTextIsNotJson() {
            AssertionFailedError error = failure(matcher("equals: {value: {intent: refund}}"), answer("refund"));
            assertThat(error.getMessage()).contains("it is not JSON");
        }

        @Test
        void badArguments() {
            assertThat(definitionError("equals:").getMessage()).startsWith("equals: equals needs the expected text");
            assertThat(definitionError("equals: {ignoreCase: true}").getMessage())
                    .contains("needs 'value'");
            MatcherDefinitionException unknown = definitionError("equals: {value: a, caseless: true}");
            assertThat(unknown.getMessage())
                    .contains("unknown option 'caseless'")
                    .contains("allowed: value, ignoreCase, trim, json");
            assertThat(unknown.pointer()).isEqualTo("/equals/caseless");
            assertThat(definitionError("equals: {value: a, trim: yes please}").pointer())
                    .isEqualTo("/equals/trim");
            assertThat(definitionError("equals: {value: '{nope', json: true}").getMessage())
                    .contains("not valid JSON");
        }
    }

    @Nested
    class ContainsMatchers {

        @Test
        void containsIsCaseSensitive() {
            assertThat(failure(matcher("contains: refund"), answer("A refund is on its way")))
                    .isNull();
            AssertionFailedError error = failure(matcher("contains: Refund"), answer("A refund is on its way"));
            assertThat(error.getMessage())
                    .startsWith("[contains \"Refund\"]")
                    .contains("to contain")
                    .contains("\"A refund is on its way\"");
            assertThat(error.getExpected().getValue()).isEqualTo("Refund");
            assertThat(error.getActual().getValue()).isEqualTo("A refund is on its way");
        }

        @Test
        void percentSignsInArgumentsAndTextsAreKeptAsTheyAre() {
            AssertionFailedError error = failure(matcher("contains: '50%'"), answer("100%n %s"));
            assertThat(error.getMessage()).startsWith("[contains \"50%\"]").contains("\"100%n %s\"");
        }

        @Test
        void icontainsIgnoresCase() {
            assertThat(failure(matcher("icontains: REFUND"), answer("A refund is on its way")))
                    .isNull();
            assertThat(failure(matcher("icontains: money"), answer("A refund is on its way"))
                            .getMessage())
                    .startsWith("[icontains \"money\"]")
                    .contains("(ignoring case)");
        }

        @Test
        void aListMeansEveryText() {
            Matcher both = matcher("contains: [refund, order]");
            assertThat(failure(both, answer("refund for order 7"))).isNull();
            AssertionFailedError error = failure(both, answer("refund soon"));
            assertThat(error.getMessage()).contains("to contain:\n  \"order\"\nbut was:\n  \"refund soon\"");
        }

        @Test
        void aBlockedAnswerHasNoTextAndSaysSo() {
            ModelAnswer blocked = answerJson("{\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}");
            assertThat(failure(matcher("contains: refund"), blocked).getMessage())
                    .contains("<no candidate, the prompt was blocked for SAFETY>");
        }

        @Test
        void badArguments() {
            assertThat(definitionError("contains:").getMessage()).contains("needs a text or a list of texts");
            assertThat(definitionError("contains: ''").getMessage()).contains("must not be empty");
            assertThat(definitionError("icontains: []").getMessage()).contains("at least one text");
            assertThat(definitionError("contains: [a, {b: c}]").pointer()).isEqualTo("/contains/1");
        }
    }

    @Nested
    class RegexMatcher {

        @Test
        void findSemantics() {
            assertThat(failure(matcher("regex: 'refund'"), answer("a refund please")))
                    .isNull();
            assertThat(failure(matcher("regex: '^\\{.*\\}$'"), answer("{\"a\":1}")))
                    .isNull();
            assertThat(failure(matcher("regex: '^refund$'"), answer("a refund please")))
                    .isNotNull();
        }

        @Test
        void failureNamesPatternAndText() {
            AssertionFailedError error = failure(matcher("regex: '^\\d+$'"), answer("twelve"));
            assertThat(error.getMessage()).startsWith("[regex /^\\d+$/]").contains("\"twelve\"");
            assertThat(error.getExpected().getValue()).isEqualTo("/^\\d+$/");
            assertThat(error.getActual().getValue()).isEqualTo("twelve");
        }

        @Test
        void flags() {
            assertThat(failure(matcher("regex: {pattern: '^REFUND$', flags: im}"), answer("line\nrefund\n")))
                    .isNull();
            assertThat(failure(matcher("regex: {pattern: 'a.b', flags: s}"), answer("a\nb")))
                    .isNull();
            assertThat(failure(matcher("regex: {pattern: 'a.b'}"), answer("a\nb")))
                    .isNotNull();
            assertThat(matcher("regex: {pattern: x, flags: i}").description()).isEqualTo("regex /x/i");
        }

        @Test
        void badRegexIsADefinitionError() {
            MatcherDefinitionException error = definitionError("regex: '(unclosed'");
            assertThat(error.getMessage()).startsWith("regex: not a valid regular expression: Unclosed group");
            assertThat(error.pointer()).isEqualTo("/regex");
            assertThat(error.matcher()).contains("regex");
            assertThat(definitionError("regex: {pattern: '[a-'}").pointer()).isEqualTo("/regex/pattern");
            assertThat(definitionError("regex: {pattern: a, flags: q}").getMessage())
                    .contains("unknown flag 'q'");
            assertThat(definitionError("regex: {pattern: a, flags: q}").pointer())
                    .isEqualTo("/regex/flags");
            assertThat(definitionError("regex:").getMessage()).contains("needs a regular expression");
        }
    }

    @Nested
    class IsJsonMatcher {

        @Test
        void bareNameAndTrue() {
            assertThat(failure(matcher("isJson"), answer(" {\"a\": [1, 2]}\n"))).isNull();
            assertThat(failure(matcher("isJson: true"), answer("[1]"))).isNull();
            assertThat(failure(matcher("isJson:"), answer("\"text\""))).isNull();
        }

        @Test
        void failsOnNonJsonAndTrailingText() {
            AssertionFailedError error = failure(matcher("isJson"), answer("{\"a\": 1} and more"));
            assertThat(error.getMessage())
                    .startsWith("[isJson]")
                    .contains("not")
                    .contains("line 1");
            assertThat(error.getActual().getValue()).isEqualTo("{\"a\": 1} and more");
            assertThat(failure(matcher("isJson"), answer("```json\n{}\n```"))).isNotNull();
            assertThat(failure(matcher("isJson"), answer(""))).isNotNull();
        }

        @Test
        void falseMeansNotJson() {
            assertThat(failure(matcher("isJson: false"), answer("hello"))).isNull();
            assertThat(failure(matcher("isJson: false"), answer("{}")).getMessage())
                    .startsWith("[isJson false]");
        }

        @Test
        void badArgument() {
            assertThat(definitionError("isJson: strict").getMessage()).contains("takes no argument, or true/false");
        }
    }
}
