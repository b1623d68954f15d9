package io.golive.server.notify;

import static java.util.Objects.requireNonNull;

import io.golive.GoliveException;
import io.golive.notify.Delivery;
import io.golive.notify.Event;
import io.golive.server.store.LaunchStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * The one way notifications enter the server: an {@link Event} published with Spring's event publisher
 * (the rollout's moves, and the decision, sign-off and overdue events of this package). It runs in the
 * publisher's thread and transaction, so the outbox rows commit or roll back with the change that
 * caused them; the dispatcher sends them after the commit.
 */
final class NotifyListener {
    private static final Logger LOG = LoggerFactory.getLogger(NotifyListener.class);

    private final LaunchStore launches;
    private final LaunchNotifiers notifiers;
    private final Dispatcher dispatcher;

    NotifyListener(LaunchStore launches, LaunchNotifiers notifiers, Dispatcher dispatcher) {
        this.launches = requireNonNull(launches, "null launches");
        this.notifiers = requireNonNull(notifiers, "null notifiers");
        this.dispatcher = requireNonNull(dispatcher, "null dispatcher");
    }

    /** Writes one PENDING delivery per {@code notify:} entry of the launch that wants the event. */
    @EventListener
    public void on(Event e) {
        long id;
        try {
            id = Long.parseLong(e.launch().id());
        } catch (NumberFormatException ex) {
            LOG.warn(
                    "{} event for '{}', which is not a launch id of this server: not notified",
                    e.type(),
                    e.launch().id());
            return;
        }
        LaunchStore.Launch launch =
                launches.launch(id).filter(l -> l.version() > 0).orElse(null);
        if (launch == null) {
            LOG.warn("{} event for launch {}, which does not exist: not notified", e.type(), id);
            return;
        }
        List<Delivery> made;
        try {
            made = notifiers.notifier(id, launch.version()).notify(e);
        } catch (GoliveException ex) {
            // the change itself stands; only its notice is lost, and the log says why
            LOG.warn(
                    "{} event of launch {} not notified: its notify: does not load: {}", e.type(), id, ex.getMessage());
            return;
        }
        if (!made.isEmpty()) {
            dispatcher.afterCommit();
        }
    }
}
