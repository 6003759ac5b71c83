package dev.tunegate.emulator.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunegate.client.GeminiClient;
import dev.tunegate.client.model.CreateTunedModelMetadata;
import dev.tunegate.client.model.Operation;
import dev.tunegate.client.model.TunedModel;
import dev.tunegate.client.model.TuningSnapshot;
import dev.tunegate.emulator.GeminiEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A tuning run observed through the TuneGate client's {@code awaitOperation}. */
class AwaitTuningWithClientTest {

    @Test
    void progressIsMonotoneAndLossFalls() throws Exception {
        try (GeminiEmulator emulator = GeminiEmulator.builder()
                        .port(0)
                        .tuningStepMillis(5)
                        .build()
                        .start();
                GeminiClient client = GeminiClient.builder()
                        .baseUrl(emulator.baseUrl())
                        .apiKey(() -> "test-key")
                        .operationPolling(Duration.ofMillis(5), Duration.ofMillis(20))
                        .build()) {
            TunedModel request = RawApi.JSON.treeToValue(RawApi.supportIntents(), TunedModel.class);

            Operation started = client.createTunedModel(request, "observed");
            List<CreateTunedModelMetadata> progress = new ArrayList<>();
            Operation done = client.awaitOperation(
                    started, op -> op.createTunedModelMetadata().ifPresent(progress::add), Duration.ofSeconds(30));

            assertThat(started.isDone()).isFalse();
            assertThat(done.isDone()).isTrue();
            assertThat(done.error()).isNull();
            assertThat(progress).hasSizeGreaterThan(2);
            for (int i = 1; i < progress.size(); i++) {
                assertThat(progress.get(i).completedSteps())
                        .isGreaterThanOrEqualTo(progress.get(i - 1).completedSteps());
                assertThat(progress.get(i).completedPercent())
                        .isGreaterThanOrEqualTo(progress.get(i - 1).completedPercent());
            }
            assertThat(progress)
                    .anySatisfy(m -> assertThat(m.completedPercent()).isBetween(1.0, 99.0));
            CreateTunedModelMetadata last = progress.get(progress.size() - 1);
            assertThat(last.completedSteps()).isEqualTo(25).isEqualTo(last.totalSteps());
            assertThat(last.completedPercent()).isEqualTo(100.0);

            TunedModel model = done.tunedModel().orElseThrow();
            assertThat(model.state()).isEqualTo(TunedModel.State.ACTIVE);
            List<TuningSnapshot> snapshots = model.tuningTask().snapshots();
            assertThat(snapshots).hasSize(25);
            double firstEpoch = snapshots.stream()
                    .filter(s -> s.epoch() == 1)
                    .mapToDouble(TuningSnapshot::meanLoss)
                    .average()
                    .orElseThrow();
            double lastEpoch = snapshots.stream()
                    .filter(s -> s.epoch() == 5)
                    .mapToDouble(TuningSnapshot::meanLoss)
                    .average()
                    .orElseThrow();
            assertThat(lastEpoch).isLessThan(firstEpoch);

            assertThat(client.generateContent("tunedModels/observed", "I need a refund")
                            .candidates()
                            .get(0)
                            .content()
                            .parts()
                            .get(0)
                            .text())
                    .isEqualTo("{\"intent\":\"refund\"}");
        }
    }
}
