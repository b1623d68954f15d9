package io.golive.server.notify;

import static java.util.Objects.requireNonNull;

import io.golive.notify.Event;
import io.golive.notify.Launch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which timeline reminders are due: an item not yet settled is reminded of once the day before its due
 * date, and once a day at most while it is overdue. The marks say what was told already; the result
 * gives the events and the marks to store with them.
 */
final class Reminders {
    static final Duration DAY = Duration.ofDays(1);
    private static final Set<String> SETTLED = Set.of("PASS", "DONE", "WAIVED");

    private Reminders() {}

    /** An item of the launch's timeline as {@code GET /api/launches/{id}} shows it. */
    record Item(String id, String text, String status, Optional<Instant> due) {
        Item {
            requireNonNull(id, "null id");
            requireNonNull(text, "null text");
            requireNonNull(status, "null status");
            requireNonNull(due, "null due");
        }
    }

    /** A reminder to send and the mark that records it. */
    record Reminder(Event event, String mark, String value) {}

    static List<Reminder> due(Launch launch, List<Item> items, Map<String, String> marks, Instant now) {
        List<Reminder> out = new ArrayList<>();
        for (Item i : items) {
            if (i.due().isEmpty() || SETTLED.contains(i.status())) {
                continue;
            }
            Instant due = i.due().get();
            if (!due.isAfter(now)) {
                String mark = "overdue:" + i.id();
                Optional<Instant> last = Optional.ofNullable(marks.get(mark)).map(Instant::parse);
                if (last.isEmpty() || !now.isBefore(last.get().plus(DAY))) {
                    out.add(new Reminder(
                            Event.overdue(launch, now, i.id(), i.text(), due, false), mark, now.toString()));
                }
            } else if (!due.isAfter(now.plus(DAY))) {
                String mark = "due:" + i.id();
                if (!due.toString().equals(marks.get(mark))) {
                    out.add(new Reminder(
                            Event.overdue(launch, now, i.id(), i.text(), due, true), mark, due.toString()));
                }
            }
        }
        return out;
    }
}
