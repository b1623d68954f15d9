package io.golive.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlidingWindowTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void theEventOverTheLimitWithinTheWindowIsRefusedWithTheWait() {
        SlidingWindow w = new SlidingWindow(3, 10 * SECOND);
        assertThat(w.tryAcquire(0)).isZero();
        assertThat(w.tryAcquire(SECOND)).isZero();
        assertThat(w.tryAcquire(2 * SECOND)).isZero();
        assertThat(w.tryAcquire(4 * SECOND)).isEqualTo(6 * SECOND);
    }

    @Test
    void anEventIsLetThroughAgainOnceTheOldestLeavesTheWindow() {
        SlidingWindow w = new SlidingWindow(2, 10 * SECOND);
        w.tryAcquire(0);
        w.tryAcquire(5 * SECOND);
        assertThat(w.tryAcquire(9 * SECOND)).isPositive();
        assertThat(w.tryAcquire(10 * SECOND)).isZero();
        assertThat(w.tryAcquire(11 * SECOND)).isPositive();
    }

    @Test
    void limitPlusOneEventsAcrossWhatWouldBeABucketBoundaryAreRefused() {
        SlidingWindow w = new SlidingWindow(2, 10 * SECOND);
        assertThat(w.tryAcquire(9 * SECOND)).isZero();
        assertThat(w.tryAcquire(10 * SECOND)).isZero();
        assertThat(w.tryAcquire(11 * SECOND)).isPositive();
    }
}
