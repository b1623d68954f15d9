package io.golive.server.launch;

import io.golive.server.store.EvaluationStore.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An item's check results over time, newest first, with what people ask of them: since when it has
 * passed without a break, and how often it failed in the last seven days.
 *
 * @param passingSince the oldest of the unbroken run of PASS results up to the newest; null when the
 *     newest did not pass (JSON null)
 */
public record ItemHistory(String item, String passingSince, long failuresLast7Days, List<HistoryEntry> entries) {
    private static final Duration WEEK = Duration.ofDays(7);

    static ItemHistory of(String item, List<HistoryEntry> newestFirst, Instant now) {
        long weekAgo = now.minus(WEEK).toEpochMilli();
        long failures = newestFirst.stream()
                .filter(e -> e.atMs() >= weekAgo && !e.status().equals("PASS"))
                .count();
        return new ItemHistory(
                item, passingSince(newestFirst).map(Instant::toString).orElse(null), failures, newestFirst);
    }

    private static Optional<Instant> passingSince(List<HistoryEntry> newestFirst) {
        Optional<Instant> since = Optional.empty();
        for (HistoryEntry e : newestFirst) {
            if (!e.status().equals("PASS")) {
                break;
            }
            since = Optional.of(Instant.ofEpochMilli(e.atMs()));
        }
        return since;
    }
}
