package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {
    @Test
    void fixedRateSpacesArrivalsEvenly() {
        ArrivalSchedule s = new ArrivalSchedule(1000, Duration.ZERO, 0, 1);

        assertThat(s.next()).isZero();
        assertThat(s.next()).isEqualTo(1_000_000);
        assertThat(s.next()).isEqualTo(2_000_000);
        assertThat(s.dueBy(10)).isEqualTo(10_000);
    }

    @Test
    void rampDeliversHalfTheRateOnAverageThenTheFullRate() {
        ArrivalSchedule s = new ArrivalSchedule(1000, Duration.ofSeconds(2), 0, 1);

        assertThat(s.dueBy(2)).isEqualTo(1000);
        assertThat(s.dueBy(3)).isEqualTo(2000);
        assertThat(s.timeOf(1000)).isCloseTo(2.0, within(1e-9));
        assertThat(s.timeOf(250)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void stridedSharesTogetherFollowTheWholeSchedule() {
        ArrivalSchedule whole = new ArrivalSchedule(300, Duration.ofSeconds(1), 0, 1);
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add(whole.next());
        }
        List<Long> merged = new ArrayList<>();
        for (int loop = 0; loop < 3; loop++) {
            ArrivalSchedule share = new ArrivalSchedule(300, Duration.ofSeconds(1), loop, 3);
            for (int i = 0; i < 10; i++) {
                merged.add(share.next());
            }
        }

        assertThat(merged).containsExactlyInAnyOrderElementsOf(expected);
    }
}
