package io.golive.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.notify.Launch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemindersTest {
    private static final Launch SHOP = new Launch("7", "shop");
    private static final Instant DUE = Instant.parse("2026-12-01T09:00:00Z");
    private static final Reminders.Item RUNBOOK =
            new Reminders.Item("pre-launch/runbook-written", "Runbook written", "PENDING", Optional.of(DUE));

    /** Polls every minute from two days before the due date to three days after, storing the marks. */
    private static List<Reminders.Reminder> pollEveryMinute(List<Reminders.Item> items, Instant from, Duration span) {
        Map<String, String> marks = new HashMap<>();
        List<Reminders.Reminder> told = new ArrayList<>();
        for (Instant t = from; t.isBefore(from.plus(span)); t = t.plus(Duration.ofMinutes(1))) {
            Clock clock = Clock.fixed(t, ZoneOffset.UTC);
            for (Reminders.Reminder r : Reminders.due(SHOP, items, marks, clock.instant())) {
                marks.put(r.mark(), r.value());
                told.add(r);
            }
        }
        return told;
    }

    @Test
    void anOverdueItemIsRemindedOnceTheDayBeforeAndAtMostOnceADayAfter() {
        List<Reminders.Reminder> told =
                pollEveryMinute(List.of(RUNBOOK), DUE.minus(Duration.ofDays(2)), Duration.ofDays(5));
        assertThat(told)
                .extracting(r -> r.event().at().toString())
                .containsExactly(
                        "2026-11-30T09:00:00Z", // due within a day
                        "2026-12-01T09:00:00Z", // overdue
                        "2026-12-02T09:00:00Z",
                        "2026-12-03T09:00:00Z");
        assertThat(told.get(0).event().details()).containsEntry("reminder", true);
        assertThat(told.get(1).event().details())
                .containsEntry("reminder", false)
                .containsEntry("item", "pre-launch/runbook-written")
                .containsEntry("due", DUE.toString());
        assertThat(told.get(1).event().type()).isEqualTo("overdue");
    }

    @Test
    void marksStoredByAnotherReplicaMeanNothingIsToldTwice() {
        Instant now = DUE.plus(Duration.ofHours(3));
        List<Reminders.Reminder> first = Reminders.due(SHOP, List.of(RUNBOOK), Map.of(), now);
        assertThat(first).hasSize(1);
        Map<String, String> stored = Map.of(first.get(0).mark(), first.get(0).value());
        assertThat(Reminders.due(SHOP, List.of(RUNBOOK), stored, now.plus(Duration.ofHours(23))))
                .isEmpty();
        assertThat(Reminders.due(SHOP, List.of(RUNBOOK), stored, now.plus(Duration.ofHours(24))))
                .hasSize(1);
    }

    @Test
    void settledItemsAndItemsWithoutADueDateAreNeverReminded() {
        List<Reminders.Item> items = List.of(
                new Reminders.Item("a", "Done", "DONE", Optional.of(DUE)),
                new Reminders.Item("b", "Passed", "PASS", Optional.of(DUE)),
                new Reminders.Item("c", "Waived", "WAIVED", Optional.of(DUE)),
                new Reminders.Item("d", "No date", "PENDING", Optional.empty()));
        assertThat(pollEveryMinute(items, DUE.minus(Duration.ofDays(2)), Duration.ofDays(4)))
                .isEmpty();
    }

    @Test
    void aMovedDueDateGetsItsOwnDayBeforeReminder() {
        Map<String, String> marks = new HashMap<>();
        Reminders.Reminder r = Reminders.due(SHOP, List.of(RUNBOOK), marks, DUE.minus(Duration.ofHours(2)))
                .get(0);
        marks.put(r.mark(), r.value());
        Instant later = DUE.plus(Duration.ofDays(2));
        Reminders.Item moved = new Reminders.Item(RUNBOOK.id(), RUNBOOK.text(), "PENDING", Optional.of(later));
        assertThat(Reminders.due(SHOP, List.of(moved), marks, later.minus(Duration.ofHours(5))))
                .singleElement()
                .satisfies(x -> assertThat(x.event().details()).containsEntry("reminder", true));
    }
}
