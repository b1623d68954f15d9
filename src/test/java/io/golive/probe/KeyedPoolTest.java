package io.golive.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyedPoolTest {
    /** A connection that counts how often it was closed. */
    static final class Conn implements AutoCloseable {
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    private final KeyedPool<Conn> pool = new KeyedPool<>(2, Duration.ofSeconds(30), Clock.systemUTC());
    private final AtomicInteger opened = new AtomicInteger();

    private KeyedPool.Lease<Conn> borrow(String key) throws Exception {
        return pool.borrow(key, Duration.ofMillis(200), () -> {
            opened.incrementAndGet();
            return new Conn();
        });
    }

    @Test
    void aReturnedConnectionIsReused() throws Exception {
        Conn first;
        try (var lease = borrow("a")) {
            first = lease.connection();
            assertThat(lease.reused()).isFalse();
        }
        try (var lease = borrow("a")) {
            assertThat(lease.connection()).isSameAs(first);
            assertThat(lease.describe()).isEqualTo("reused connection #1 (1 opened to this server)");
        }
        assertThat(opened).hasValue(1);
        assertThat(pool.opened("a")).isEqualTo(1);
    }

    @Test
    void keysDoNotShareConnections() throws Exception {
        try (var a = borrow("a")) {
            a.connection();
        }
        try (var b = borrow("b")) {
            assertThat(b.reused()).isFalse();
        }
        assertThat(opened).hasValue(2);
    }

    @Test
    void aDiscardedConnectionIsClosedNotReused() throws Exception {
        Conn broken;
        try (var lease = borrow("a")) {
            broken = lease.connection();
            lease.discard();
        }
        assertThat(broken.closed).hasValue(1);
        try (var lease = borrow("a")) {
            assertThat(lease.connection()).isNotSameAs(broken);
            assertThat(lease.number()).isEqualTo(2);
        }
    }

    @Test
    void noMoreThanTheMaximumAreOutAtOnce() throws Exception {
        try (var one = borrow("a");
                var two = borrow("a")) {
            assertThat(one.connection()).isNotSameAs(two.connection());
            assertThatThrownBy(() -> borrow("a"))
                    .isInstanceOf(TimeoutException.class)
                    .hasMessageContaining("busy");
        }
        try (var three = borrow("a")) {
            assertThat(three.reused()).isTrue();
        }
    }

    @Test
    void aFailedOpenGivesItsPlaceBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> pool.borrow("a", Duration.ofMillis(100), () -> {
                        throw new IOException("refused");
                    }))
                    .isInstanceOf(IOException.class);
        }
        try (var lease = borrow("a")) {
            assertThat(lease.reused()).isFalse();
        }
    }

    @Test
    void idleConnectionsAreClosedAfterTheIdleTimeout() throws Exception {
        KeyedPool<Conn> quick = new KeyedPool<>(2, Duration.ofMillis(200), Clock.systemUTC());
        Conn c;
        try (var lease = quick.borrow("a", Duration.ofMillis(100), Conn::new)) {
            c = lease.connection();
        }
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (c.closed.get() == 0 && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(c.closed).hasValue(1);
        quick.close();
    }

    @Test
    void closingThePoolClosesIdleConnectionsAndLaterReturns() throws Exception {
        var out = borrow("a");
        Conn idle;
        try (var lease = borrow("a")) {
            idle = lease.connection();
        }
        pool.close();
        assertThat(idle.closed).hasValue(1);
        out.close();
        assertThat(out.connection().closed).hasValue(1);
    }

    @Test
    void keysHoldTheSecretOnlyAsADigest() {
        String key = KeyedPool.key("redis://h:1", "hunter2");
        assertThat(key).startsWith("redis://h:1").doesNotContain("hunter2");
        assertThat(key).isNotEqualTo(KeyedPool.key("redis://h:1", "hunter3"));
    }
}
