package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a busy HTTP/2 loop may pause to let answers gather ({@link BusyPause#worthPausing}). */
class BusyPauseTest {
    @Test
    void manyStreamsInFlightAtTheTargetsPacePause() {
        // 10 x 10 streams answered at 100,000/s: 17 answers come in a 170 us pause, 100 are out.
        assertThat(BusyPause.worthPausing(100, 170_000, 100)).isTrue();
        assertThat(BusyPause.worthPausing(100, 170_000, 500)).isTrue();
    }

    @Test
    void fewRequestsInFlightDoNotPause() {
        // One stream at 17,500/s: its answer would wait out the pause, and nothing else comes.
        assertThat(BusyPause.worthPausing(17, 70_000, 1)).isFalse();
        // 2 x 4 streams at 60,000/s: a 170 us pause gathers ~10, more than the 8 out: nginx would run dry.
        assertThat(BusyPause.worthPausing(60, 170_000, 8)).isFalse();
        assertThat(BusyPause.worthPausing(60, 70_000, 8)).isFalse();
    }

    @Test
    void theExpectedAnswersInAPauseAreAtMostAQuarterOfThoseInFlight() {
        // 70 us at 100 answers/ms: 7 answers; 4 x 7 = 28.
        assertThat(BusyPause.worthPausing(100, 70_000, 28)).isTrue();
        assertThat(BusyPause.worthPausing(100, 70_000, 27)).isFalse();
        // The same loop whose pauses last 200 us: 20 answers each, so 80 must be out.
        assertThat(BusyPause.worthPausing(100, 200_000, 80)).isTrue();
        assertThat(BusyPause.worthPausing(100, 200_000, 79)).isFalse();
    }

    @Test
    void aLoopWithoutAnAnswerRateYetDoesNotPause() {
        assertThat(BusyPause.worthPausing(0, 70_000, 100)).isFalse();
        assertThat(BusyPause.worthPausing(0, 70_000, 0)).isFalse();
    }
}
