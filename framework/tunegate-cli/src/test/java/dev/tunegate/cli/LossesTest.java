package dev.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossesTest {

    @Test
    void fourSignificantDigits() {
        assertThat(Losses.format(2.3720456123456789)).isEqualTo("2.372");
        assertThat(Losses.format(1.0911)).isEqualTo("1.091");
        assertThat(Losses.format(0.012345678901234)).isEqualTo("0.01235");
        assertThat(Losses.format(12.3456789)).isEqualTo("12.35");
        assertThat(Losses.format(12345.678)).isEqualTo("12346");
        assertThat(Losses.format(0.0)).isEqualTo("0");
        assertThat(Losses.format(null)).isEqualTo("?");
    }

    @Test
    void lossChartPrintsNoLongDoubles() {
        var snapshots = List.of(
                new dev.tunegate.client.model.TuningSnapshot(1, 1, 2.3720456123456789, null),
                new dev.tunegate.client.model.TuningSnapshot(2, 1, 1.3142987654321012, null));

        String chart = new LossChart(20, 4).render(snapshots);

        assertThat(chart)
                .contains("first loss 2.372, last loss 1.314 after 2 steps")
                .doesNotContainPattern("\\d\\.\\d{6,}");
    }
}
