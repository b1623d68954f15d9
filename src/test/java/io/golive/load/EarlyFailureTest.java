package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.checklist.Op;
import io.golive.checklist.Threshold;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class EarlyFailureTest {
    private static Threshold t(String metric, Op op, double value, String unit) {
        return new Threshold(Optional.of(metric), op, value, Optional.ofNullable(unit), "");
    }

    private static Histogram micros(long fast, long slow) {
        Histogram h = new Histogram(1, EventLoop.MAX_MICROS, 3);
        h.recordValueWithCount(1_000, fast);
        if (slow > 0) {
            h.recordValueWithCount(2_000_000, slow);
        }
        return h;
    }

    @Test
    void errorsBeyondTheAllowedShareOfThePlannedTotalCannotBeDiluted() {
        Threshold errors = t("errors", Op.LT, 1, "%");

        assertThat(EarlyFailure.certain(errors, micros(100, 0), 100, 11, 1000)).isTrue();
        assertThat(EarlyFailure.certain(errors, micros(100, 0), 100, 9, 1000)).isFalse();
    }

    @Test
    void slowAnswersBeyondThePercentilesShareFailIt() {
        Threshold p99 = t("p99", Op.LT, 500, "ms");

        assertThat(EarlyFailure.certain(p99, micros(1000, 11), 1011, 0, 1000)).isTrue();
        assertThat(EarlyFailure.certain(p99, micros(1000, 5), 1005, 0, 2000)).isFalse();
    }

    @Test
    void oneAnswerOverTheMaximumFailsIt() {
        assertThat(EarlyFailure.certain(t("max", Op.LT, 1, "s"), micros(10, 1), 11, 0, 1000))
                .isTrue();
    }

    @Test
    void lowerLimitsAreNeverJudgedEarly() {
        assertThat(EarlyFailure.certain(t("rate", Op.GE, 1000, "req/s"), micros(10, 0), 10, 0, 1000))
                .isFalse();
    }
}
