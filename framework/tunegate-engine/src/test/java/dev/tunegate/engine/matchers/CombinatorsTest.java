package dev.tunegate.engine.matchers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class CombinatorsTest extends MatcherTestSupport {

    @Test
    void notInvertsTheNestedMatcher() {
        Matcher notSorry = matcher("not: {contains: sorry}");
        assertThat(notSorry.description()).isEqualTo("not (contains \"sorry\")");
        assertThat(failure(notSorry, answer("Here is your refund"))).isNull();

        AssertionFailedError error = failure(notSorry, answer("I am sorry"));
        assertThat(error.getMessage())
                .startsWith("[not (contains \"sorry\")]")
                .contains("Expected the answer not to satisfy: contains \"sorry\"")
                .contains("I am sorry");
        assertThat(error.getExpected().getValue()).isEqualTo("not (contains \"sorry\")");
        assertThat(error.getActual().getValue()).isEqualTo("I am sorry");
    }

    @Test
    void notAcceptsABareName() {
        assertThat(failure(matcher("not: isJson"), answer("plain"))).isNull();
        assertThat(failure(matcher("not: isJson"), answer("{}"))).isNotNull();
    }

    @Test
    void allReportsEveryFailedChild() {
        Matcher all = matcher("all: [{contains: refund}, {regex: '^\\d+$'}, {finishReason: MAX_TOKENS}]");
        assertThat(all.description()).isEqualTo("all (contains \"refund\"; regex /^\\d+$/; finishReason MAX_TOKENS)");
        assertThat(failure(matcher("all: [{contains: a}, {contains: b}]"), answer("ab")))
                .isNull();

        AssertionFailedError error = failure(all, answer("refund please"));
        assertThat(error.getMessage())
                .contains("2 of 3 nested matchers failed")
                .contains("[regex /^\\d+$/]")
                .contains("[finishReason MAX_TOKENS]");
    }

    @Test
    void allWithOneFailureKeepsItsExpectedAndActual() {
        AssertionFailedError error = failure(matcher("all: [{contains: a}, {contains: z}]"), answer("abc"));
        assertThat(error.getExpected().getValue()).isEqualTo("z");
        assertThat(error.getActual().getValue()).isEqualTo("abc");
    }

    @Test
    void anyPassesWhenOneChildPasses() {
        Matcher any = matcher("any: [{equals: refund}, {equals: cancel}]");
        assertThat(failure(any, answer("cancel"))).isNull();
        AssertionFailedError error = failure(any, answer("upgrade"));
        assertThat(error.getMessage())
                .startsWith("[any (equals \"refund\" | equals \"cancel\")]")
                .contains("none did")
                .contains("[equals \"refund\"]")
                .contains("[equals \"cancel\"]");
        assertThat(error.getActual().getValue()).isEqualTo("upgrade");
    }

    @Test
    void nestingWorks() {
        Matcher nested = matcher("not: {any: [{contains: sorry}, {all: [{icontains: cannot}, {icontains: help}]}]}");
        assertThat(failure(nested, answer("Refund approved"))).isNull();
        assertThat(failure(nested, answer("I CANNOT help you"))).isNotNull();
    }

    @Test
    void nestedDefinitionErrorsPointIntoTheEntry() {
        MatcherDefinitionException regex = definitionError("all: [{contains: a}, {regex: '('}]");
        assertThat(regex.pointer()).isEqualTo("/all/1/regex");
        assertThat(regex.matcher()).contains("regex");
        assertThat(regex.getMessage())
                .startsWith("regex: not a valid regular expression")
                .endsWith("(at /all/1/regex)");

        MatcherDefinitionException unknown = definitionError("not: {any: [{contans: a}]}");
        assertThat(unknown.pointer()).isEqualTo("/not/any/0/contans");
        assertThat(unknown.getMessage()).contains("unknown matcher 'contans' (did you mean 'contains'?)");

        assertThat(definitionError("all: []").getMessage()).contains("all needs a list of matchers");
        assertThat(definitionError("any: {contains: a}").getMessage()).contains("any needs a list of matchers");
        assertThat(definitionError("not: [a]").getMessage()).contains("not needs one matcher");
    }
}
