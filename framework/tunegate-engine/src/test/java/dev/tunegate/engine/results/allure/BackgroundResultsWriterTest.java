package dev.tunegate.engine.results.allure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunegate.engine.model.gate.Outcome;
import dev.tunegate.engine.model.gate.Role;
import dev.tunegate.engine.results.report.MatcherResult;
import dev.tunegate.engine.results.report.SampleResult;
import dev.tunegate.engine.results.report.VariantInfo;
import dev.tunegate.engine.results.report.VariantResult;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundResultsWriterTest {

    @Test
    void aTaskOnTheWriterThreadMayWriteMoreFilesThanTheQueueHolds() {
        InMemoryResultsWriter files = new InMemoryResultsWriter();
        BackgroundResultsWriter writer = new BackgroundResultsWriter(files, 1);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int task = 0; task < 3; task++) {
                int t = task;
                writer.execute(() -> {
                    for (int i = 0; i < 5; i++) {
                        writer.write("t" + t + "-" + i + "-attachment.txt", new ByteArrayInputStream(new byte[] {1}));
                    }
                });
            }
            writer.awaitWritten();
        });
        assertThat(files.attachments).hasSize(15);
    }

    @Test
    void writesResultsAsAllureDoesAndAttachmentsFromTheirBytesIntoADirectoryItCreates(@TempDir Path temp)
            throws Exception {
        Path dir = temp.resolve("reports/allure-results");
        BackgroundResultsWriter writer = BackgroundResultsWriter.into(dir, 4);
        writer.write("a-attachment.json", new ByteArrayInputStream("{\"x\":1}".getBytes(StandardCharsets.UTF_8)));
        writer.write(new TestResult().setUuid("u1").setName("n"));
        writer.awaitWritten();

        assertThat(dir.resolve("a-attachment.json")).hasContent("{\"x\":1}");
        assertThat(new ObjectMapper()
                        .readTree(dir.resolve("u1-result.json").toFile())
                        .get("name")
                        .asText())
                .isEqualTo("n");

        writer.write("../escape/b-attachment.txt", new ByteArrayInputStream(new byte[] {1}));
        assertThatThrownBy(writer::awaitWritten).hasMessageContaining("b-attachment.txt");
    }

    @Test
    void everyResultFileHasTheBytesAllureItselfWritesAndABurstOfWritesAllLands(@TempDir Path temp) throws Exception {
        Path ours = temp.resolve("ours");
        Path allures = temp.resolve("allure");
        BackgroundResultsWriter writer = BackgroundResultsWriter.into(ours, 8);
        FileSystemResultsWriter reference = new FileSystemResultsWriter(allures);
        for (int i = 0; i < 300; i++) {
            TestResult result = new TestResult()
                    .setUuid("u" + i)
                    .setName("s › case-" + i + " [tuned] · ü ✓ \"quoted\"")
                    .setStatus(i % 3 == 0 ? Status.FAILED : Status.PASSED)
                    .setStage(Stage.FINISHED)
                    .setStart(1_000L + i)
                    .setStop(2_000L + i)
                    .setStatusDetails(new StatusDetails().setMessage("expected <a>\nbut was <b>"))
                    .setLabels(List.of(new Label().setName("suite").setValue("s")))
                    .setParameters(List.of(
                            new Parameter().setName("variant").setValue("tuned").setExcluded(false)))
                    .setSteps(List.of(new StepResult()
                            .setName("Call models/m")
                            .setStatus(Status.PASSED)
                            .setAttachments(List.of(new Attachment()
                                    .setName("request.json")
                                    .setType("application/json")
                                    .setSource("a" + i + "-attachment.json")))));
            writer.write(result);
            reference.write(result);
            writer.write(
                    "a" + i + "-attachment.json",
                    new ByteArrayInputStream(("{\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        TestResultContainer container =
                new TestResultContainer().setUuid("c1").setName("suite s").setChildren(List.of("u1"));
        writer.write(container);
        reference.write(container);
        writer.awaitWritten();

        try (var files = Files.list(allures)) {
            for (Path expected : files.toList()) {
                assertThat(Files.readAllBytes(
                                ours.resolve(expected.getFileName().toString())))
                        .as(expected.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(expected));
            }
        }
        try (var files = Files.list(ours)) {
            assertThat(files.count()).isEqualTo(2 * 300 + 1);
        }
        assertThat(ours.resolve("a299-attachment.json")).hasContent("{\"i\":299}");
    }

    @Test
    void anErrorInATaskIsRethrownWhenAwaitedAndTheWriterGoesOn() {
        InMemoryResultsWriter files = new InMemoryResultsWriter();
        BackgroundResultsWriter writer = new BackgroundResultsWriter(files, 2);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            writer.execute(() -> {
                throw new StackOverflowError("template too deep");
            });
            writer.write("after-attachment.txt", new ByteArrayInputStream(new byte[] {1}));
            assertThatThrownBy(writer::awaitWritten)
                    .isInstanceOf(StackOverflowError.class)
                    .hasMessage("template too deep");
            writer.write("later-attachment.txt", new ByteArrayInputStream(new byte[] {2}));
            writer.awaitWritten();
        });
        assertThat(files.attachments).containsOnlyKeys("after-attachment.txt", "later-attachment.txt");
    }

    @Test
    void resultsAreBuiltOffTheTestThreadAndAFailureThereIsRethrownWhenAwaited() {
        InMemoryResultsWriter files = new InMemoryResultsWriter();
        BackgroundResultsWriter writer = new BackgroundResultsWriter(files, 4);
        AllureLifecycle own = new AllureLifecycle(writer);
        AllureReporter reporter = new AllureReporter(own, () -> own, Clock.systemUTC(), writer, writer::awaitWritten);
        AtomicReference<Thread> builtOn = new AtomicReference<>();
        VariantInfo base = new VariantInfo("base", "models/m", Role.BASELINE, 0.0);
        AllureCase info = new AllureCase(
                "s",
                "suites/s.eval.yaml",
                "c",
                3,
                List.of(),
                false,
                base,
                1,
                "p",
                "[engine:tunegate]/[case:c]",
                "s › c [base]");
        reporter.variantFinished(
                info,
                Outcome.PASSED,
                () -> {
                    builtOn.set(Thread.currentThread());
                    return new VariantResult(
                            "base",
                            List.of(new SampleResult(
                                    "ok",
                                    "STOP",
                                    List.of(new MatcherResult("equals", "equals 'ok'", true, null, 4)),
                                    5,
                                    1,
                                    1,
                                    2,
                                    0,
                                    null,
                                    "{}",
                                    "{}")),
                            1.0,
                            null);
                },
                Optional.empty());
        reporter.finish();

        assertThat(builtOn.get()).isNotNull().isNotSameAs(Thread.currentThread());
        assertThat(files.results).extracting(TestResult::getName).containsExactly("s › c [base]");

        AllureCase broken = new AllureCase(
                "s",
                "suites/s.eval.yaml",
                "d",
                4,
                List.of(),
                false,
                base,
                1,
                "p",
                "[engine:tunegate]/[case:d]",
                "s › d [base]");
        reporter.variantFinished(
                broken,
                Outcome.PASSED,
                () -> {
                    throw new IllegalStateException("cannot map the sample");
                },
                Optional.empty());
        assertThatThrownBy(reporter::finish).hasMessageContaining("cannot map the sample");
    }
}
