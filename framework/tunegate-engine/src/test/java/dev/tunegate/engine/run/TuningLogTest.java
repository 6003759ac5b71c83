package dev.tunegate.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TuningLogTest {

    @Test
    void lossesAreLoggedWithFourSignificantDigits() {
        assertThat(GeminiGateway.loss(2.11877419464644)).isEqualTo("2.119");
        assertThat(GeminiGateway.loss(1.2606806564184303)).isEqualTo("1.261");
        assertThat(GeminiGateway.loss(null)).isEqualTo("?");
    }
}
