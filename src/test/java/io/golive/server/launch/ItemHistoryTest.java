package io.golive.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.server.store.EvaluationStore.HistoryEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemHistoryTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private static HistoryEntry at(Duration ago, String status) {
        return new HistoryEntry(1, NOW.minus(ago).toEpochMilli(), "c", "http", status, "s", Map.of(), 1);
    }

    @Test
    void passingSinceIsTheOldestOfTheUnbrokenPassesUpToTheNewest() {
        List<HistoryEntry> newestFirst = List.of(
                at(Duration.ofHours(1), "PASS"), at(Duration.ofHours(2), "PASS"), at(Duration.ofHours(3), "FAIL"));
        ItemHistory h = ItemHistory.of("i", newestFirst, NOW);
        assertThat(h.passingSince()).isEqualTo(NOW.minus(Duration.ofHours(2)).toString());
        assertThat(h.failuresLast7Days()).isEqualTo(1);
        assertThat(h.entries()).isEqualTo(newestFirst);
    }

    @Test
    void aNewestFailureMeansNotPassingAndOnlyThisWeeksFailuresCount() {
        List<HistoryEntry> newestFirst = List.of(
                at(Duration.ofMinutes(5), "ERROR"),
                at(Duration.ofDays(6), "FAIL"),
                at(Duration.ofDays(8), "FAIL"),
                at(Duration.ofDays(9), "PASS"));
        ItemHistory h = ItemHistory.of("i", newestFirst, NOW);
        assertThat(h.passingSince()).isNull();
        assertThat(h.failuresLast7Days()).isEqualTo(2);
    }

    @Test
    void noResultsIsNotPassing() {
        ItemHistory h = ItemHistory.of("i", List.of(), NOW);
        assertThat(h.passingSince()).isNull();
        assertThat(h.failuresLast7Days()).isZero();
    }
}
