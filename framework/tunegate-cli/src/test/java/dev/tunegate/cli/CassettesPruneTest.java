package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.client.model.Candidate;
import dev.tunegate.client.model.Content;
import dev.tunegate.client.model.FinishReason;
import dev.tunegate.client.model.GenerateContentRequest;
import dev.tunegate.client.model.GenerateContentResponse;
import dev.tunegate.client.model.UsageMetadata;
import dev.tunegate.engine.config.ReplayMode;
import dev.tunegate.engine.run.replay.CassetteCalls;
import dev.tunegate.engine.run.replay.ModelCall;
import dev.tunegate.engine.run.replay.ModelResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CassettesPruneTest {
    @TempDir
    Path dir;

    @Test
    void prunesExactlyTheRecordingsTheLastRunDidNotUse() throws IOException {
        record(ReplayMode.RECORD, "kept", "stale");
        CassetteCalls run = record(ReplayMode.AUTO, "kept");
        List<Path> unused = run.finish(m -> {});
        assertThat(unused).hasSize(1);
        Path outside = Files.writeString(dir.getParent().resolve("outside-" + dir.getFileName() + ".json"), "{}");
        Files.writeString(
                dir.resolve(CassetteCalls.UNUSED_LIST_FILE),
                "../" + outside.getFileName() + "\n",
                java.nio.file.StandardOpenOption.APPEND);

        Cli.Result dry = Cli.run("cassettes", "prune", "--dry-run", dir.toString());
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("would delete", "Would delete 1 unused recording(s).");
        assertThat(dry.err()).contains("Skipping ../" + outside.getFileName());
        assertThat(unused.get(0)).exists();

        Cli.Result prune = Cli.run("cassettes", "prune", dir.toString());
        assertThat(prune.exitCode()).isZero();
        assertThat(prune.out()).contains("Deleted 1 unused recording(s).");
        assertThat(unused.get(0)).doesNotExist();
        assertThat(outside).exists();
        assertThat(recordings()).hasSize(1);
        assertThat(dir.resolve(CassetteCalls.UNUSED_LIST_FILE)).doesNotExist();

        assertThat(Cli.run("cassettes", "prune", dir.toString()).out()).contains("Nothing to prune");
        Files.delete(outside);
    }

    @Test
    void missingDirectoryIsAUsageError() {
        Cli.Result result = Cli.run("cassettes", "prune", dir.resolve("nope").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("No such recordings directory");
    }

    private CassetteCalls record(ReplayMode mode, String... prompts) {
        CassetteCalls calls = new CassetteCalls(mode, dir, List.of());
        for (String prompt : prompts) {
            ModelCall call =
                    new ModelCall("models/m:generateContent", GenerateContentRequest.of(prompt), 0, "suite", prompt);
            calls.call(
                            call,
                            () -> CompletableFuture.completedFuture(ModelResult.of(
                                    GenerateContentResponse.of(
                                            List.of(Candidate.of(Content.model("ok"), FinishReason.STOP)),
                                            UsageMetadata.of(1, 1)),
                                    Duration.ofMillis(1))))
                    .join();
        }
        return calls;
    }

    private List<Path> recordings() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }
}
