package io.golive.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class StopSignalTest {
    private final StopSignal stop = new StopSignal(Clock.systemUTC());

    @Test
    void aStopEndsTheWaitForAReadingAtOnceAndCancelsTheReader() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        AtomicBoolean readerInterrupted = new AtomicBoolean();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> never = pool.submit(() -> {
                reading.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    readerInterrupted.set(true);
                }
                return "late";
            });
            reading.await();
            CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(stop::stop);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> stop.await(never, Duration.ofSeconds(30).toNanos()))
                    .isInstanceOf(InterruptedException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(never.isCancelled()).isTrue();
        }
        assertThat(readerInterrupted).isTrue();
    }

    @Test
    void aStopEndsASleepAndEveryLaterWaitWithoutInterruptingTheThread() throws Exception {
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS).execute(stop::stop);
        assertThatThrownBy(() -> stop.sleepUntil(Instant.now().plusSeconds(30)))
                .isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThatThrownBy(() -> stop.sleepUntil(Instant.now().plusSeconds(30)))
                .isInstanceOf(InterruptedException.class);
        assertThatThrownBy(() -> stop.await(
                        new CompletableFuture<String>(), Duration.ofSeconds(30).toNanos()))
                .isInstanceOf(InterruptedException.class);
        assertThat(stop.pause(Duration.ofSeconds(30))).isFalse();
    }

    @Test
    void withoutAStopTheWaitsRunTheirCourse() throws Exception {
        assertThat(stop.await(CompletableFuture.completedFuture("read"), 1_000_000))
                .isEqualTo("read");
        Instant t = Instant.now().plusMillis(50);
        stop.sleepUntil(t);
        assertThat(Instant.now()).isAfterOrEqualTo(t.minusMillis(1));
        assertThat(stop.pause(Duration.ofMillis(20))).isTrue();
        assertThat(stop.stopped()).isFalse();
    }
}
