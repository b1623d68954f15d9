package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RatesTest {
    @Test
    void ratesAreReadPerSecond() {
        assertThat(Rates.parse("1000/s")).isEqualTo(1000);
        assertThat(Rates.parse("1000")).isEqualTo(1000);
        assertThat(Rates.parse("600/m")).isEqualTo(10);
        assertThat(Rates.parse("2 req/ms")).isEqualTo(2000);
        assertThat(Rates.parse("1.5/s")).isEqualTo(1.5);
    }

    @Test
    void otherTextIsRefusedWithTheFormsAccepted() {
        assertThatThrownBy(() -> Rates.parse("fast")).hasMessageContaining("1000/s");
    }
}
