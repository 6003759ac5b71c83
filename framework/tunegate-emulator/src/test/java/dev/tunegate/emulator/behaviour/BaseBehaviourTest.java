package dev.tunegate.emulator.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunegate.emulator.generation.Prompt;
import dev.tunegate.emulator.generation.Sampler;
import dev.tunegate.emulator.generation.Turn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseBehaviourTest {
    private final BaseBehaviour base = BaseBehaviour.bundled();

    private String ask(String system, String question) {
        return base.answer(Prompt.of("models/gemini-2.0-flash", system, question))
                .text();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "What is 2 + 2?|2 + 2 = 4",
                "Calculate 12 * (3 + 4)|12 * (3 + 4) = 84",
                "what is 17 times 3|17 * 3 = 51",
                "What is 10 divided by 4?|10 / 4 = 2.5",
                "2^10|2 ^ 10 = 1024",
                "What is the square root of 81?|The square root of 81 is 9.",
                "What is the capital of France?|The capital of France is Paris.",
                "Which is the largest planet?|Jupiter is the largest planet in the Solar System.",
                "Repeat after me: the quick brown fox|the quick brown fox",
                "Say \"cheese\"|cheese",
                "repeat the word ok 3 times|ok ok ok",
                "uppercase: hello world|HELLO WORLD",
                "Convert \"ABC Def\" to lowercase|abc def",
                "Reverse the word: stressed|desserts",
                "How many words are in: one two three four|4",
                "How many r's are in strawberry?|There are 3 \"r\"s in \"strawberry\".",
                "Sort these numbers: 10, 2, 33, 4|2, 4, 10, 33",
                "Sort: pear, Apple, banana|Apple, banana, pear",
                "I have two dogs in my house. How many paws are in my house?|There are 8 paws in your house (2 dogs × 4 = 8).",
                "What is the sentiment of this review: I love this product, it is great|positive",
                "Is this positive or negative: terrible service, I want a refund|negative",
                "Translate hello to French|Bonjour",
                "Hello|Hello! How can I help you today?",
                "What can you do?|I can answer simple questions, do arithmetic, repeat or reformat text, list things, write short stories and call the functions you declare."
            })
    void answersFromTheBundledRules(String question, String answer) {
        assertThat(ask("", question)).isEqualTo(answer);
    }

    @Test
    void listsGiveTheRequestedNumberOfItems() {
        assertThat(ask("", "List 3 popular cookie recipes"))
                .isEqualTo(
                        "Here are 3 cookie recipes:\n1. Chocolate Chip Cookies\n2. Oatmeal Raisin Cookies\n3. Peanut Butter Cookies");
        assertThat(ask("", "Name the planets").split("\n")).hasSize(6);
    }

    @Test
    void systemInstructionPersonaAndStyleApply() {
        assertThat(ask("You are a cat. Your name is Neko.", "Hello there"))
                .isEqualTo("Meow! Hello there! I'm Neko. How can I help you today?");
        assertThat(ask("Always answer in upper case.", "What is the capital of Italy?"))
                .isEqualTo("THE CAPITAL OF ITALY IS ROME.");
        assertThat(ask("Answer with one word.", "What is the capital of Italy?"))
                .isEqualTo("Rome");
        assertThat(ask("You are a cat. Your name is Neko.", "What is your name?"))
                .isEqualTo("Meow! My name is Neko.");
    }

    @Test
    void multiTurnHistoryIsUsed() {
        List<Turn> turns = List.of(
                Turn.user("Hi, my name is Ada."),
                new Turn("model", "Hello Ada!", List.of()),
                Turn.user("What is my name?"));
        Prompt p = new Prompt(
                "models/gemini-2.0-flash", "", turns, List.of(), null, List.of(), false, Sampler.greedy(), 0);
        assertThat(base.answer(p).text()).isEqualTo("Your name is Ada.");
        List<Turn> said = List.of(
                Turn.user("Blue is my colour"),
                new Turn("model", "Nice.", List.of()),
                Turn.user("What did I just say?"));
        assertThat(base.answer(new Prompt("m", "", said, List.of(), null, List.of(), false, Sampler.greedy(), 0))
                        .text())
                .isEqualTo("You said: \"Blue is my colour\"");
    }

    @Test
    void unknownQuestionsGetAPoliteGenericAnswerAndSamplingVariesIt() {
        assertThat(ask("", "Who won the cricket match yesterday?")).startsWith("I'm not sure how to answer that.");
        java.util.Set<String> answers = new java.util.HashSet<>();
        for (long seed = 0; seed < 30; seed++) {
            Prompt p = new Prompt(
                    "m",
                    "",
                    List.of(Turn.user("Who won the match?")),
                    List.of(),
                    null,
                    List.of(),
                    false,
                    new Sampler(1.5, null, null, seed),
                    0);
            answers.add(base.answer(p).text());
        }
        assertThat(answers).hasSize(3);
    }

    @Test
    void behaviourFilesScriptAnswersBeforeTheBundledRules(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("support.json");
        Files.writeString(
                file,
                "{\"rules\": [ // comments are allowed\n"
                        + "{\"pattern\": \"money back|refund\", \"responses\": [\"{\\\"intent\\\":\\\"refund\\\"}\"], \"system\": \"support\"},\n"
                        + "{\"pattern\": \"order (?<id>\\\\d+)\", \"response\": \"Order ${id} ships tomorrow.\"},\n"
                        + "{\"pattern\": \"capital of france\", \"response\": \"Paris!\", \"models\": [\"models/other\"]},\n"
                        + "]}");
        BaseBehaviour scripted = BaseBehaviour.withFiles(List.of(file));
        assertThat(scripted.answer(Prompt.of("models/x", "You classify support tickets.", "I want my money back"))
                        .text())
                .isEqualTo("{\"intent\":\"refund\"}");
        assertThat(scripted.answer(Prompt.of("models/x", "", "I want my money back"))
                        .text())
                .as("the system pattern must match")
                .doesNotContain("intent");
        assertThat(scripted.answer(Prompt.of("models/x", "", "Where is order 42?"))
                        .text())
                .isEqualTo("Order 42 ships tomorrow.");
        assertThat(scripted.answer(Prompt.of("models/x", "", "capital of France"))
                        .text())
                .isEqualTo("The capital of France is Paris.");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"rules\": [{\"pattern\": \"(unclosed\", \"response\": \"x\"}]}");
        assertThatThrownBy(() -> BaseBehaviour.withFiles(List.of(bad)))
                .hasMessageContaining("bad.json: rules[0].pattern")
                .hasMessageContaining("regular expression");
        Files.writeString(bad, "{\"rules\": [{\"pattern\": \"x\"}]}");
        assertThatThrownBy(() -> BaseBehaviour.withFiles(List.of(bad)))
                .hasMessageContaining("rules[0]: needs \"response\"");
    }
}
