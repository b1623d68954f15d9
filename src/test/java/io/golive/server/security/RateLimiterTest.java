package io.golive.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Token buckets: a burst of one second's worth, then the rate; zero is off. */
class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @Test
    void aBurstPassesThenTheLimitAnswersWithRetryAfter() {
        RateLimiter limiter = new RateLimiter(5, clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.acquire("t")).isEmpty();
        }
        assertThat(limiter.acquire("t")).hasValue(1);
        assertThat(limiter.acquire("other")).isEmpty();
        now.addAndGet(200);
        assertThat(limiter.acquire("t")).isEmpty();
    }

    @Test
    void zeroTurnsItOff() {
        RateLimiter limiter = new RateLimiter(0, clock);
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire("t")).isEmpty();
        }
    }

    @Test
    void aMinutesWorthMayComeAtOnceThenWaitsForTheRate() {
        RateLimiter limiter = new RateLimiter(10 / 60.0, 10, clock);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.acquire("ip")).isEmpty();
        }
        assertThat(limiter.acquire("ip")).hasValue(6);
        now.addAndGet(6_000);
        assertThat(limiter.acquire("ip")).isEmpty();
        assertThat(limiter.acquire("ip")).hasValue(6);
    }

    @Test
    void slowRatesWaitLonger() {
        RateLimiter limiter = new RateLimiter(10 / 60.0, clock);
        assertThat(limiter.acquire("ip")).isEmpty();
        assertThat(limiter.acquire("ip")).hasValue(6);
    }
}
