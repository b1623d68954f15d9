package io.golive.server.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.rollout.Control;
import io.golive.rollout.EventChain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code rollouts} and {@code rollout_events} tables: one row per rollout, one per event. */
final class RolloutRows {
    /** A rollout as its row holds it; {@code state} is the guard's JSON without events, absent before its first save. */
    record Row(
            long id,
            long launchId,
            int version,
            String status,
            Optional<String> state,
            int eventCount,
            String eventHead,
            String decision,
            boolean forced,
            Optional<Control.Request> request,
            long startedAt,
            String startedBy) {
        boolean finished() {
            return status.equals("COMPLETED") || status.equals("ROLLED_BACK");
        }
    }

    private static final String SELECT = "SELECT id, launch_id, version, status, state, event_count, event_head,"
            + " decision, forced, request, started_at, started_by FROM rollouts";

    private final JdbcClient jdbc;

    RolloutRows(JdbcClient jdbc) {
        this.jdbc = requireNonNull(jdbc, "null jdbc");
    }

    long create(long launchId, int version, String decision, boolean forced, String by, long now) {
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO rollouts (launch_id, version, status, event_count, event_head, decision, forced,"
                        + " started_at, started_by, updated_at) VALUES (?, ?, 'RUNNING', 0, ?, ?, ?, ?, ?, ?)")
                .params(launchId, version, EventChain.GENESIS, decision, forced, now, by, now)
                .update(keys, "id");
        return requireNonNull(keys.getKeyAs(Long.class), "no generated id");
    }

    Optional<Row> row(long id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query(RolloutRows::row)
                .optional();
    }

    /** The launch's newest rollout. */
    Optional<Row> latest(long launchId) {
        return jdbc.sql(SELECT + " WHERE launch_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .param(launchId)
                .query(RolloutRows::row)
                .optional();
    }

    /** Writes the guard's state; the caller holds the lease, in the transaction that adds its events. */
    void saveState(long id, String status, String state, int eventCount, String eventHead, long now) {
        jdbc.sql("UPDATE rollouts SET status = ?, state = ?, event_count = ?, event_head = ?, updated_at = ?"
                        + " WHERE id = ?")
                .params(status, state, eventCount, eventHead, now, id)
                .update();
    }

    void addEvent(long id, int seq, String type, long atMs, String body) {
        jdbc.sql("INSERT INTO rollout_events (rollout_id, seq, type, at_ms, body) VALUES (?, ?, ?, ?, ?)")
                .params(id, seq, type, atMs, body)
                .update();
    }

    /** The events' JSON bodies, in order. */
    List<String> events(long id) {
        return jdbc.sql("SELECT body FROM rollout_events WHERE rollout_id = ? ORDER BY seq")
                .param(id)
                .query(String.class)
                .list();
    }

    /** Leaves a request for the guard; an abort already waiting is never replaced by a weaker one. */
    void request(long id, Control.Request request) {
        jdbc.sql(
                        "UPDATE rollouts SET request = ? WHERE id = ? AND (request IS NULL OR request <> 'ABORT' OR ? = 'ABORT')")
                .params(request.name(), id, request.name())
                .update();
    }

    Optional<Control.Request> pending(long id) {
        return jdbc.sql("SELECT request FROM rollouts WHERE id = ?")
                .param(id)
                .query((rs, n) -> request(rs.getString(1)))
                .optional()
                .flatMap(r -> r);
    }

    /** Removes the request the guard acted on, unless a newer one replaced it meanwhile. */
    void taken(long id, Control.Request request) {
        jdbc.sql("UPDATE rollouts SET request = NULL WHERE id = ? AND request = ?")
                .params(id, request.name())
                .update();
    }

    private static Optional<Control.Request> request(String s) {
        return Optional.ofNullable(s).map(v -> Control.Request.valueOf(v.toUpperCase(Locale.ROOT)));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getString(4),
                Optional.ofNullable(rs.getString(5)),
                rs.getInt(6),
                rs.getString(7),
                rs.getString(8),
                rs.getBoolean(9),
                request(rs.getString(10)),
                rs.getLong(11),
                rs.getString(12));
    }
}
