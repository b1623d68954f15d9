package io.golive.probe.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.golive.checklist.ThresholdParser;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Thresholds meet Prometheus's base units in one place: percent to ratio, time to seconds, size to bytes. */
class BaseUnitsTest {
    private static double limit(String expect) {
        return Expectation.resolve(expect, List.of()).orElseThrow().limit();
    }

    @Test
    void percentagesBecomeRatios() {
        assertThat(limit("< 0.1%")).isEqualTo(0.001);
        assertThat(limit("< 80%")).isEqualTo(0.8);
        assertThat(limit(">= 99.8%")).isEqualTo(0.998);
    }

    @Test
    void durationsBecomeSeconds() {
        assertThat(limit("< 500ms")).isEqualTo(0.5);
        assertThat(limit("p95 < 1s")).isEqualTo(1.0);
        assertThat(limit("< 5 minutes")).isEqualTo(300.0);
        assertThat(limit("< 2h")).isEqualTo(7200.0);
    }

    @Test
    void sizesBecomeBytesAndPlainNumbersStay() {
        assertThat(limit("< 512MB")).isEqualTo(512.0 * 1024 * 1024);
        assertThat(limit("> 0.70")).isEqualTo(0.70);
        assertThat(limit(">= 1000 req/s")).isEqualTo(1000.0);
    }

    @Test
    void aUnitWithoutABaseUnitIsRefused() {
        assertThat(Expectation.problem("> 4/5"))
                .hasValueSatisfying(p -> assertThat(p).contains("no Prometheus base unit"));
        assertThat(Expectation.problem("< 500ms")).isEmpty();
        assertThat(Expectation.problem("fast"))
                .hasValueSatisfying(p -> assertThat(p).startsWith("expect: "));
    }

    @Test
    void valuesAreShownInTheThresholdsUnit() {
        assertThat(BaseUnits.show(0.19375, Optional.of("ms"))).isEqualTo("193.75ms");
        assertThat(BaseUnits.show(0.001, Optional.of("%"))).isEqualTo("0.1%");
        assertThat(BaseUnits.show(0.92, Optional.of("%"))).isEqualTo("92%");
        assertThat(BaseUnits.show(Double.NaN, Optional.of("%"))).isEqualTo("NaN");
        assertThat(BaseUnits.show(Double.POSITIVE_INFINITY, Optional.of("s"))).isEqualTo("+Inf");
        assertThat(BaseUnits.show(0.1 + 0.2, Optional.empty())).isEqualTo("0.3");
    }

    @Test
    void anInheritedThresholdAppliesOnlyWhenItIsTheOnlyOne() {
        Expectation e = Expectation.resolve(null, ThresholdParser.findAll("API latency (p95 < 500ms)"))
                .orElseThrow();
        assertThat(e.fromItem()).isTrue();
        assertThat(e.describe()).isEqualTo("< 500ms (from the item)");
        assertThat(Expectation.resolve(null, List.of())).isEmpty();
        assertThatThrownBy(() -> Expectation.resolve(null, ThresholdParser.findAll("p95 < 500ms and errors < 0.1%")))
                .hasMessageContaining("carries 2 thresholds")
                .hasMessageContaining("write expect");
    }

    @Test
    void theWorstValueIsTheOneFurthestFromTheLimit() {
        Expectation below = Expectation.resolve("< 1", List.of()).orElseThrow();
        assertThat(below.worse(0.9, 0.2)).isTrue();
        Expectation above = Expectation.resolve(">= 99%", List.of()).orElseThrow();
        assertThat(above.worse(0.95, 0.999)).isTrue();
        assertThat(above.test(Double.NaN)).isFalse();
    }
}
