package dev.tunegate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The corpus of broken suites: each gives a discovery issue at file:line:column; the rest still runs. */
class BrokenSuitesTest {

    static final String DIR = "dev/tunegate/engine/broken/";

    static EngineTestKit.Builder kit() {
        return EngineTestKit.engine(new TuneGateTestEngine(new FakeGateway(0).factory()))
                .configurationParameter("tunegate.suite.max-bytes", "65536");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            malformed.eval.yaml                  | malformed.eval.yaml              | 5  | 11 | malformed YAML: while scanning a quoted scalar; found unexpected end of stream
            not-a-mapping.eval.yaml              | not-a-mapping.eval.yaml          | 1  | 1  | a suite is a YAML mapping with 'models' and 'cases'
            empty.eval.yaml                      | empty.eval.yaml                  | 1  | 1  | the file is empty
            missing-models.eval.yaml             | missing-models.eval.yaml         | 1  | 1  | required property 'models' not found
            unknown-field.eval.yaml              | unknown-field.eval.yaml          | 3  | 5  | 'cases/0': unknown field 'expected'
            missing-id.eval.yaml                 | missing-id.eval.yaml             | 3  | 5  | required property 'id' not found
            no-prompt.eval.yaml                  | no-prompt.eval.yaml              | 3  | 5  | a case needs a 'prompt' or 'contents'
            prompt-and-contents.eval.yaml        | prompt-and-contents.eval.yaml    | 3  | 5  | a case has either 'prompt' or 'contents', not both
            bad-model-name.eval.yaml             | bad-model-name.eval.yaml         | 2  | 9  | 'gemini-flash' is not a model name such as models/gemini-1.5-flash-001
            bad-vertex-name.eval.yaml            | bad-vertex-name.eval.yaml        | 2  | 9  | 'projects/demo/endpoints/123' is not a model name such as models/gemini-1.5-flash-001, tunedModels/my-model or projects/P/locations/L/endpoints/E
            unknown-matcher.eval.yaml            | unknown-matcher.eval.yaml        | 6  | 9  | unknown matcher 'containz' (did you mean 'contains'?)
            bad-regex.eval.yaml                  | bad-regex.eval.yaml              | 6  | 9  | not a valid regular expression
            bad-not-argument.eval.yaml           | bad-not-argument.eval.yaml       | 6  | 9  | (at /not/regex)
            bad-json-schema.eval.yaml            | bad-json-schema.eval.yaml        | 6  | 9  | not a valid JSON Schema
            duplicate-id.eval.yaml               | duplicate-id.eval.yaml           | 5  | 5  | duplicate case id 'a' (first used at dev/tunegate/engine/broken/duplicate-id.eval.yaml:3)
            gate-unknown-variant.eval.yaml       | gate-unknown-variant.eval.yaml   | 8  | 14 | gate candidate 'tunde' is not a variant in 'models' (variants: base, tuned)
            gate-unknown-baseline.eval.yaml      | gate-unknown-baseline.eval.yaml  | 9  | 13 | gate baseline 'bsae' is not a variant in 'models'
            gate-baseline-is-candidate.eval.yaml | gate-baseline-is-candidate.eval.yaml | 7 | 35 | the gate baseline 'base' is also a candidate
            missing-cases-file.eval.yaml         | missing-cases-file.eval.yaml     | 3  | 16 | file not found: dev/tunegate/engine/broken/data/nothing-here.jsonl
            cases-file-escapes.eval.yaml         | cases-file-escapes.eval.yaml     | 3  | 16 | leaves the classpath root
            bad-casesfrom-line.eval.yaml         | data/bad-line.jsonl              | 2  | 28 | malformed JSON
            alias-bomb.eval.yaml                 | alias-bomb.eval.yaml             | 6  | 8  | YAML aliases expand to more than 10000 nodes (an alias bomb?)
            oversize.eval.yaml                   | oversize.eval.yaml               | 1  | 1  | larger than the limit of 65536 bytes (tunegate.suite.max-bytes)
            unknown-template-var.eval.yaml       | unknown-template-var.eval.yaml   | 4  | 13 | the template uses {{text}} but the case has no var 'text' (vars: txt)
            undefined-section-var.eval.yaml      | undefined-section-var.eval.yaml  | 4  | 13 | the template uses {{#items}} but the case has no var 'items' (vars: lines)
            undefined-inverted-section-var.eval.yaml | undefined-inverted-section-var.eval.yaml | 4 | 13 | the template uses {{^urgent}} but the case has no var 'urgent' (vars: text, urgnet)
            undefined-var-in-section.eval.yaml   | undefined-var-in-section.eval.yaml | 4 | 13 | the template uses {{skuu}} inside {{#lines}} but neither the case nor the section's value has 'skuu' (vars: lines)
            bad-template.eval.yaml               | bad-template.eval.yaml           | 4  | 13 | bad template
            bad-repeat.eval.yaml                 | bad-repeat.eval.yaml             | 5  | 13 | 'cases/0/repeat': must have a minimum value of 1
            bad-temperature.eval.yaml            | bad-temperature.eval.yaml        | 2  | 33 | 'generationConfig/temperature': must have a maximum value of 2
            bad-safety.eval.yaml                 | bad-safety.eval.yaml             | 2  | 29 | HARM_CATEGORY_HARASSMENT
            two-matchers-in-one.eval.yaml        | two-matchers-in-one.eval.yaml    | 6  | 9  | an expect entry names exactly one matcher
            duplicate-key.eval.yaml              | duplicate-key.eval.yaml          | 5  | 11 | Duplicate field 'prompt'
            tune-missing-data.eval.yaml          | tune-missing-data.eval.yaml      | 7  | 21 | file not found: data/missing.train.jsonl
            tune-not-tuned-model.eval.yaml       | tune-not-tuned-model.eval.yaml   | 3  | 12 | a variant with 'tune' must name a tunedModels/… model
            bad-tag.eval.yaml                    | bad-tag.eval.yaml                | 5  | 12 | 'needs review' is not a valid tag
            bad-case-id.eval.yaml                | bad-case-id.eval.yaml            | 3  | 9  | 'has space' is not a valid name
            tune-bad-data.eval.yaml              | data/bad.train.jsonl             | 2  | 22 | malformed JSON
            not-utf8.eval.yaml                   | not-utf8.eval.yaml               | 4  | 17 | the file is not valid UTF-8
            too-deep.eval.yaml                   | too-deep.eval.yaml               | 6  | 74 | malformed YAML: nested more than 64 levels deep
            partial.eval.yaml                    | partial.eval.yaml                | 4  | 13 | the template uses the partial {{> header}}; partials are not supported
            """)
    void eachBrokenSuiteIsADiscoveryIssueAtItsPosition(
            String suite, String file, int line, int column, String message) {
        EngineDiscoveryResults results =
                kit().selectors(selectClasspathResource(DIR + suite)).discover();
        List<DiscoveryIssue> issues = results.getDiscoveryIssues();
        assertThat(issues).isNotEmpty();
        DiscoveryIssue first = issues.get(0);
        assertThat(first.severity()).isEqualTo(DiscoveryIssue.Severity.WARNING);
        assertThat(first.message())
                .startsWith(DIR + file + ":" + line + ":" + column + ": ")
                .contains(message);
        assertThat(first.source())
                .contains(ClasspathResourceSource.from(
                        DIR + file, org.junit.platform.engine.support.descriptor.FilePosition.from(line, column)));
        assertThat(results.getEngineDescriptor().getChildren())
                .singleElement()
                .satisfies(d -> assertThat(d.getDisplayName()).isEqualTo(DIR + suite));
    }

    @Test
    void everyMistakeOfASuiteIsReportedInOnePassNotOnlyTheSchemaErrors() {
        List<String> messages = kit()
                .selectors(selectClasspathResource(DIR + "three-mistakes.eval.yaml"))
                .discover()
                .getDiscoveryIssues()
                .stream()
                .map(DiscoveryIssue::message)
                .toList();
        assertThat(messages)
                .anySatisfy(m -> assertThat(m)
                        .startsWith(DIR + "three-mistakes.eval.yaml:3:5: ")
                        .contains("unknown field 'expected'"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith(DIR + "three-mistakes.eval.yaml:8:14: ")
                        .contains("unknown matcher 'containz'"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith(DIR + "three-mistakes.eval.yaml:10:13: ")
                        .contains("no var 'name'"));
    }

    @Test
    void everyBadTrainingRecordIsADiscoveryIssueAtItsLine() {
        List<String> messages = kit()
                .selectors(selectClasspathResource(DIR + "tune-bad-data.eval.yaml"))
                .discover()
                .getDiscoveryIssues()
                .stream()
                .map(DiscoveryIssue::message)
                .toList();
        assertThat(messages)
                .anySatisfy(m -> assertThat(m).startsWith(DIR + "data/bad.train.jsonl:2:"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith(DIR + "data/bad.train.jsonl:3:1: ")
                        .contains("needs the text fields textInput (or text_input) and output"));
    }

    @Test
    void namesInsideTemplateSectionsThatResolveAgainstTheSectionsValueAreNotReported() {
        EngineTestKit.Builder sections =
                kit().selectors(selectClasspathResource("dev/tunegate/engine/templates/sections.eval.yaml"));
        assertThat(sections.discover().getDiscoveryIssues()).isEmpty();
        // models/echo answers with the rendered prompt, which each case's equals matcher spells out.
        sections.execute().testEvents().assertStatistics(s -> s.started(8 + 1).succeeded(8 + 1));
    }

    @Test
    void corpusHasAtLeast25Suites() {
        EngineDiscoveryResults results =
                kit().selectors(selectPackage("dev.tunegate.engine.broken")).discover();
        assertThat(results.getEngineDescriptor().getChildren()).hasSizeGreaterThanOrEqualTo(25);
        assertThat(results.getDiscoveryIssues())
                .hasSizeGreaterThanOrEqualTo(
                        results.getEngineDescriptor().getChildren().size());
    }

    @Test
    void brokenSuitesFailAsContainersWhileTheOthersRun() {
        EngineExecutionResults results = kit().selectors(
                        selectPackage("dev.tunegate.engine.broken"), selectPackage("dev.tunegate.engine.suites"))
                .execute();
        results.testEvents().assertStatistics(s -> s.started(20).succeeded(13).failed(7));
        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(),
                                displayName(DIR + "duplicate-id.eval.yaml"),
                                finishedWithFailure(message(m -> m.contains("cannot run")
                                        && m.contains(DIR + "duplicate-id.eval.yaml:5:5: duplicate case id 'a'")))));
        long failedContainers = results.containerEvents().failed().count();
        assertThat(failedContainers).isGreaterThanOrEqualTo(25);
    }
}
