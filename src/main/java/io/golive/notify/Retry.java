package io.golive.notify;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How often and how soon a failed delivery is tried again: the wait doubles after each try from
 * {@code first}, up to {@code longest}; after {@code attempts} tries it is FAILED.
 */
public record Retry(int attempts, Duration first, Duration longest) {
    /** Five tries over about a quarter of an hour (1, 2, 4, 8 minutes apart). */
    public static final Retry DEFAULT = new Retry(5, Duration.ofMinutes(1), Duration.ofMinutes(15));

    public Retry {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        requireNonNull(first, "null first");
        requireNonNull(longest, "null longest");
    }

    /** When to try again after the {@code tried}-th failed try at {@code now}; empty: give up. */
    public Optional<Instant> next(int tried, Instant now) {
        if (tried >= attempts) {
            return Optional.empty();
        }
        Duration wait = first;
        for (int i = 1; i < tried && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return Optional.of(now.plus(wait.compareTo(longest) > 0 ? longest : wait));
    }
}
