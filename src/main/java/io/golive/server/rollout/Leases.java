package io.golive.server.rollout;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code rollout_leases} table: which replica drives each rollout, until when. Every change is one
 * conditional UPDATE, so of several replicas exactly one takes a lapsed lease, and a holder whose lease
 * was taken over learns it at its next renewal or save.
 */
final class Leases {
    /** A lease: who holds it, until when (epoch ms), and for how long each renewal extends it. */
    record Lease(String holder, long expiresAt, long ttlMs) {}

    private final JdbcClient jdbc;

    Leases(JdbcClient jdbc) {
        this.jdbc = requireNonNull(jdbc, "null jdbc");
    }

    /** The lease of a new rollout, held by its starter. */
    void create(long rollout, String holder, long now, long ttlMs) {
        jdbc.sql("INSERT INTO rollout_leases (rollout_id, holder, expires_at, ttl_ms) VALUES (?, ?, ?, ?)")
                .params(rollout, holder, now + ttlMs, ttlMs)
                .update();
    }

    Optional<Lease> lease(long rollout) {
        return jdbc.sql("SELECT holder, expires_at, ttl_ms FROM rollout_leases WHERE rollout_id = ?")
                .param(rollout)
                .query((rs, n) -> new Lease(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .optional();
    }

    /** Extends the lease {@code holder} holds; false when it holds it no longer. */
    boolean renew(long rollout, String holder, long now) {
        return jdbc.sql("UPDATE rollout_leases SET expires_at = ? + ttl_ms WHERE rollout_id = ? AND holder = ?")
                        .params(now, rollout, holder)
                        .update()
                == 1;
    }

    /** Takes a lapsed lease; true for the one replica that wins it. */
    boolean take(long rollout, String holder, long now) {
        return jdbc.sql("UPDATE rollout_leases SET holder = ?, expires_at = ? + ttl_ms WHERE rollout_id = ?"
                                + " AND expires_at < ?")
                        .params(holder, now, rollout, now)
                        .update()
                == 1;
    }

    /** Lets the lease lapse at {@code at} (now: any replica takes it at its next poll). */
    void releaseAt(long rollout, String holder, long at) {
        jdbc.sql("UPDATE rollout_leases SET expires_at = ? WHERE rollout_id = ? AND holder = ?")
                .params(at, rollout, holder)
                .update();
    }

    /** The unfinished rollouts whose lease has lapsed. */
    List<Long> lapsed(long now) {
        return jdbc.sql("SELECT r.id FROM rollouts r JOIN rollout_leases l ON l.rollout_id = r.id"
                        + " WHERE r.status IN ('RUNNING', 'PAUSED') AND l.expires_at < ? ORDER BY r.id")
                .param(now)
                .query(Long.class)
                .list();
    }
}
