package io.golive.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a busy HTTP/2 loop may pause to let answers gather ({@link EventLoop#worthPausing}). */
class EventLoopPauseTest {
    @Test
    void manyStreamsInFlightAtTheTargetsPacePause() {
        // 10 x 10 streams answered at 100,000/s: ~7 answers come in a 70 us pause, 100 are out.
        assertThat(EventLoop.worthPausing(100, 100)).isTrue();
        assertThat(EventLoop.worthPausing(100, 500)).isTrue();
    }

    @Test
    void fewRequestsInFlightDoNotPause() {
        // One stream at 17,500/s: its answer would wait out the pause, and nothing else comes.
        assertThat(EventLoop.worthPausing(17, 1)).isFalse();
        // 16 in flight at 60,000/s: a pause gathers ~4, a quarter of them: the target would run dry.
        assertThat(EventLoop.worthPausing(60, 16)).isFalse();
        assertThat(EventLoop.worthPausing(60, 4)).isFalse();
    }

    @Test
    void theExpectedAnswersInAPauseAreAtMostAQuarterOfThoseInFlight() {
        // 70 us (20 asked and the kernel's 50 us slack) at 100 answers/ms: 7 answers; 4 x 7 = 28.
        assertThat(EventLoop.worthPausing(100, 28)).isTrue();
        assertThat(EventLoop.worthPausing(100, 27)).isFalse();
    }

    @Test
    void aLoopWithoutAnAnswerRateYetDoesNotPause() {
        assertThat(EventLoop.worthPausing(0, 100)).isFalse();
        assertThat(EventLoop.worthPausing(0, 0)).isFalse();
    }
}
