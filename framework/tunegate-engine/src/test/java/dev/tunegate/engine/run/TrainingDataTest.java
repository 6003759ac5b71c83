package dev.tunegate.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunegate.engine.model.suite.SuiteFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tune.trainingData} files: both formats, and errors that name file and line. */
class TrainingDataTest {

    @TempDir
    Path dir;

    private final SuiteFiles files = new SuiteFiles(null, 1 << 20, TrainingDataTest.class.getClassLoader());

    private URI write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toUri();
    }

    @Test
    void readsJsonlAndCsv() throws IOException {
        assertThat(TrainingData.read(
                        files,
                        write(
                                "t.jsonl",
                                "{\"textInput\":\"a\",\"output\":\"b\"}\n\n{\"text_input\":\"c\",\"output\":\"d\"}\n")))
                .extracting(e -> e.textInput() + "=" + e.output())
                .containsExactly("a=b", "c=d");
        assertThat(TrainingData.read(files, write("t.csv", "text_input,output\na,b\n\"c\nc\",d\n")))
                .extracting(e -> e.textInput() + "=" + e.output())
                .containsExactly("a=b", "c\nc=d");
    }

    @Test
    void errorsNameFileAndLine() throws IOException {
        assertThatThrownBy(() ->
                        TrainingData.read(files, write("bad.jsonl", "{\"textInput\":\"a\",\"output\":\"b\"}\n{oops\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad.jsonl:2:")
                .hasMessageContaining("malformed JSON");
        assertThatThrownBy(() -> TrainingData.read(files, write("missing.csv", "textInput,output\n\"a\na\",b\nc\n")))
                .hasMessageEndingWith("missing.csv:4: a training example needs textInput and output");
        assertThatThrownBy(() -> TrainingData.read(files, write("empty.jsonl", "\n")))
                .hasMessageEndingWith("empty.jsonl has no training examples");
    }
}
