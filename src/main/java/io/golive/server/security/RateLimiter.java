package io.golive.server.security;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key: {@code perSecond} requests a second on average, in bursts of up to
 * {@code burst} (by default one second's worth). Zero turns it off. Answers how many seconds to wait
 * when a request is over the limit.
 */
public final class RateLimiter {
    private static final int MAX_KEYS = 100_000;

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, Clock clock) {
        this(perSecond, perSecond, clock);
    }

    public RateLimiter(double perSecond, double burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
        this.clock = clock;
    }

    /** Empty when the request may go; otherwise the seconds to wait (Retry-After). */
    public OptionalLong acquire(String key) {
        if (perSecond <= 0) {
            return OptionalLong.empty();
        }
        if (buckets.size() > MAX_KEYS) {
            // many distinct keys (addresses, bad tokens): forget them rather than grow without bound
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.millis()))
                .take(clock.millis());
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized OptionalLong take(long now) {
            tokens = Math.min(burst, tokens + (now - last) / 1000.0 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            return OptionalLong.of(Math.max(1, (long) Math.ceil((1 - tokens) / perSecond)));
        }
    }
}
