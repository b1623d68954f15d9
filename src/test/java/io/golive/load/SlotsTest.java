package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SlotsTest {
    @Test
    void slotsFollowTheOriginsWeights() {
        int[] origins = Slots.origins(100, new double[] {3, 1});

        assertThat(Arrays.stream(origins).filter(o -> o == 0).count()).isEqualTo(75);
    }

    @Test
    void everyOriginGetsASlotWhenThereAreEnough() {
        int[] origins = Slots.origins(3, new double[] {100, 1, 1});

        assertThat(origins).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void slotsAreSharedEvenlyAmongLoops() {
        assertThat(Slots.perLoop(50, 2)).containsExactly(25, 25);
        assertThat(Slots.perLoop(7, 3)).containsExactly(3, 2, 2);
    }
}
