package io.golive.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @Test
    void theWaitDoublesUpToTheLongestAndStopsAfterTheLastTry() {
        Retry r = new Retry(6, Duration.ofSeconds(10), Duration.ofSeconds(45));

        assertThat(r.next(1, NOW)).contains(NOW.plusSeconds(10));
        assertThat(r.next(2, NOW)).contains(NOW.plusSeconds(20));
        assertThat(r.next(3, NOW)).contains(NOW.plusSeconds(40));
        assertThat(r.next(4, NOW)).contains(NOW.plusSeconds(45));
        assertThat(r.next(5, NOW)).contains(NOW.plusSeconds(45));
        assertThat(r.next(6, NOW)).isEmpty();
    }

    @Test
    void oneAttemptMeansNoRetry() {
        assertThat(new Retry(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).next(1, NOW))
                .isEmpty();
    }
}
