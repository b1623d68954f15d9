package io.golive.server.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers valid tokens (by hash) for a short time, so a busy API client costs no database lookup per
 * request. Unknown tokens are never remembered: a new token works at once.
 */
final class TokenCache {
    private static final int MAX = 10_000;

    private final long ttlMs;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Accounts.TokenOwner owner, long until) {}

    TokenCache(Duration ttl, Clock clock) {
        this.ttlMs = ttl.toMillis();
        this.clock = clock;
    }

    Optional<Accounts.TokenOwner> get(String hash, Function<String, Optional<Accounts.TokenOwner>> lookup) {
        long now = clock.millis();
        Entry e = entries.get(hash);
        if (e != null && e.until() > now) {
            return Optional.of(e.owner());
        }
        Optional<Accounts.TokenOwner> owner = lookup.apply(hash);
        if (owner.isPresent() && ttlMs > 0) {
            if (entries.size() >= MAX) {
                entries.clear();
            }
            entries.put(hash, new Entry(owner.get(), now + ttlMs));
        } else {
            entries.remove(hash);
        }
        return owner;
    }
}
