package io.golive.server.notify;

import static java.util.Objects.requireNonNull;

import io.golive.notify.Launch;
import io.golive.server.launch.LaunchView;
import io.golive.server.launch.LaunchViews;
import io.golive.server.store.LaunchStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at every launch's timeline and raises the {@code overdue} reminders that are due. Every replica
 * looks; the launch's row lock makes them take turns, and the marks written with the events (in one
 * transaction with their outbox rows) make the second find nothing left to tell.
 */
final class OverdueWatch {
    private static final Logger LOG = LoggerFactory.getLogger(OverdueWatch.class);

    private final LaunchStore launches;
    private final LaunchViews views;
    private final NotifyMarks marks;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OverdueWatch(
            LaunchStore launches,
            LaunchViews views,
            NotifyMarks marks,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Clock clock) {
        this.launches = requireNonNull(launches, "null launches");
        this.views = requireNonNull(views, "null views");
        this.marks = requireNonNull(marks, "null marks");
        this.tx = requireNonNull(tx, "null tx");
        this.events = requireNonNull(events, "null events");
        this.clock = requireNonNull(clock, "null clock");
    }

    /** Raises the reminders due now; returns how many. */
    int tick() {
        int raised = 0;
        for (LaunchStore.Launch l : launches.all()) {
            try {
                raised += tick(l.id());
            } catch (RuntimeException e) {
                LOG.warn("overdue reminders of launch {} not checked: {}", l.id(), e.toString());
            }
        }
        return raised;
    }

    private int tick(long id) {
        LaunchView view = views.view(id);
        List<Reminders.Item> items = items(view.json());
        Launch launch = new Launch(Long.toString(id), view.name());
        if (Reminders.due(launch, items, Map.of(), clock.instant()).isEmpty()) {
            return 0; // nothing due at all: no lock taken
        }
        Integer n = tx.execute(s -> {
            launches.lock(id);
            List<Reminders.Reminder> due = Reminders.due(launch, items, marks.all(id), clock.instant());
            for (Reminders.Reminder r : due) {
                marks.set(id, r.mark(), r.value());
                events.publishEvent(r.event());
            }
            return due.size();
        });
        return n == null ? 0 : n;
    }

    @SuppressWarnings("unchecked")
    private static List<Reminders.Item> items(Map<String, Object> json) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) json.getOrDefault("items", List.of());
        return items.stream()
                .map(m -> new Reminders.Item(
                        String.valueOf(m.get("id")),
                        String.valueOf(m.get("text")),
                        String.valueOf(m.get("status")),
                        Optional.ofNullable((String) m.get("due")).map(Instant::parse)))
                .toList();
    }
}
