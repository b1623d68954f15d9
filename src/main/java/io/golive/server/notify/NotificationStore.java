package io.golive.server.notify;

import static java.util.Objects.requireNonNull;

import io.golive.notify.Delivery;
import io.golive.notify.EventJson;
import io.golive.notify.Outbox;
import io.golive.notify.Outcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The server's notification outbox in the database ({@code notifications}). A row is added in the
 * transaction of the change that caused it; a sender claims a due row with a conditional update (a
 * lease) before it tries it, so that one replica tries each row at a time, and releases the claim with
 * the outcome of the try ({@code claimed_by} stays: the replica that tried it last).
 */
public final class NotificationStore {
    private static final String COLUMNS = "id, launch_id, version, destination, channel, format, shown, event,"
            + " outcome, attempts, last_error, next_attempt_at, created_at, sent_at";
    private static final int ERROR_MAX = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    public NotificationStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "null jdbc");
        this.clock = requireNonNull(clock, "null clock");
    }

    /**
     * A stored delivery with the launch version whose {@code notify:} it was made for.
     *
     * @param sentAt when it was accepted, for SENT ones
     */
    public record Row(long launchId, int version, Delivery delivery, Optional<Instant> sentAt) {}

    /** The outbox of one launch version: what {@link io.golive.notify.Notifier} writes through. */
    public Outbox forLaunch(long launchId, int version) {
        return new LaunchOutbox(launchId, version);
    }

    /** The ids of PENDING rows due at {@code now} that no live claim holds, oldest first. */
    public List<String> due(long now, int limit) {
        return jdbc.sql("SELECT id FROM notifications WHERE outcome = 'PENDING' AND next_attempt_at <= ?"
                        + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, created_at"
                        + " FETCH FIRST " + limit + " ROWS ONLY")
                .params(now, now)
                .query(String.class)
                .list();
    }

    /** When the next PENDING row is due; empty when none waits. */
    public Optional<Long> nextDue() {
        return jdbc.sql("SELECT next_attempt_at FROM notifications WHERE outcome = 'PENDING'"
                        + " ORDER BY next_attempt_at FETCH FIRST 1 ROWS ONLY")
                .query(Long.class)
                .optional();
    }

    /**
     * Claims a due row for {@code by} until {@code until}; false when another sender holds it, or it
     * was sent, or it is not due. Exactly one of several concurrent claims succeeds.
     */
    public boolean claim(String id, String by, long now, long until) {
        return jdbc.sql("UPDATE notifications SET claimed_by = ?, claimed_until = ? WHERE id = ?"
                                + " AND outcome = 'PENDING' AND next_attempt_at <= ?"
                                + " AND (claimed_until IS NULL OR claimed_until < ?)")
                        .params(by, until, id, now, now)
                        .update()
                == 1;
    }

    public Optional<Row> row(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE id = ?")
                .param(id)
                .query(NotificationStore::row)
                .optional();
    }

    /** A launch's deliveries, newest first. */
    public List<Row> list(long launchId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notifications WHERE launch_id = ?"
                        + " ORDER BY created_at DESC, id FETCH FIRST " + limit + " ROWS ONLY")
                .param(launchId)
                .query(NotificationStore::row)
                .list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        long sent = rs.getLong("sent_at");
        Optional<Instant> sentAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(sent));
        Delivery d = new Delivery(
                rs.getString("id"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getInt("destination"),
                rs.getString("channel"),
                rs.getString("format"),
                rs.getString("shown"),
                EventJson.read(rs.getString("event")),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getInt("attempts"),
                Optional.ofNullable(rs.getString("last_error")),
                Instant.ofEpochMilli(rs.getLong("next_attempt_at")));
        return new Row(rs.getLong("launch_id"), rs.getInt("version"), d, sentAt);
    }

    private final class LaunchOutbox implements Outbox {
        private final long launchId;
        private final int version;

        LaunchOutbox(long launchId, int version) {
            this.launchId = launchId;
            this.version = version;
        }

        @Override
        public void add(Delivery d) {
            jdbc.sql("INSERT INTO notifications (" + COLUMNS
                            + ", event_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            d.id(),
                            launchId,
                            version,
                            d.destination(),
                            d.channel(),
                            d.format(),
                            cut(d.shown()),
                            EventJson.write(d.event()),
                            d.outcome().name(),
                            d.attempts(),
                            d.lastError().map(NotificationStore::cut).orElse(null),
                            d.nextAttempt().toEpochMilli(),
                            d.at().toEpochMilli(),
                            null,
                            d.eventType())
                    .update();
        }

        /** Records a try's outcome and releases the claim. */
        @Override
        public void update(Delivery d) {
            Long sentAt = d.outcome() == Outcome.SENT ? clock.millis() : null;
            int n = jdbc.sql("UPDATE notifications SET outcome = ?, attempts = ?, last_error = ?, next_attempt_at = ?,"
                            + " sent_at = ?, claimed_until = NULL WHERE id = ? AND launch_id = ?")
                    .params(
                            d.outcome().name(),
                            d.attempts(),
                            d.lastError().map(NotificationStore::cut).orElse(null),
                            d.nextAttempt().toEpochMilli(),
                            sentAt,
                            d.id(),
                            launchId)
                    .update();
            if (n != 1) {
                throw new IllegalStateException("no notification " + d.id() + " of launch " + launchId);
            }
        }

        @Override
        public List<Delivery> pending() {
            return all().stream().filter(d -> d.outcome() == Outcome.PENDING).toList();
        }

        @Override
        public List<Delivery> all() {
            return jdbc
                    .sql("SELECT " + COLUMNS + " FROM notifications WHERE launch_id = ? ORDER BY created_at, id")
                    .param(launchId)
                    .query(NotificationStore::row)
                    .list()
                    .stream()
                    .map(Row::delivery)
                    .toList();
        }
    }

    private static String cut(String s) {
        return s.length() <= ERROR_MAX ? s : s.substring(0, ERROR_MAX);
    }
}
