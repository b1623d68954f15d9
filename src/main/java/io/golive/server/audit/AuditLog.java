package io.golive.server.audit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The append-only audit log in the database. {@link #append} must run inside the transaction of the
 * change it records: it locks the chain's head row, so appends from several replicas take one order.
 */
public final class AuditLog {
    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "null jdbc");
        this.clock = requireNonNull(clock, "null clock");
    }

    /** Appends an entry chained to the last one; call within a transaction. */
    public AuditEntry append(
            String actor, String action, Optional<Long> launchId, String target, String before, String after) {
        Head head = jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        long seq = head.seq() + 1;
        long at = clock.millis();
        String hash = AuditChain.hash(head.hash(), seq, at, actor, action, launchId, target, before, after);
        AuditEntry e = new AuditEntry(seq, at, actor, action, launchId, target, before, after, head.hash(), hash);
        jdbc.sql("INSERT INTO audit_log (seq, at_ms, actor, action, launch_id, target, before_value, after_value,"
                        + " prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(seq, at, actor, action, launchId.orElse(null), target, before, after, head.hash(), hash)
                .update();
        jdbc.sql("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")
                .params(seq, hash)
                .update();
        return e;
    }

    /** The entries about one launch, oldest first. */
    public List<AuditEntry> entries(long launchId) {
        return jdbc.sql(SELECT + " WHERE launch_id = ? ORDER BY seq")
                .param(launchId)
                .query(AuditLog::entry)
                .list();
    }

    /**
     * Reads the whole chain and checks it. Another replica may append while it is read, so the chain is
     * checked up to the head read first (every entry up to it committed with or before it); an entry
     * beyond that head while the head has not moved was written around the log.
     */
    public Verification verify() {
        Head head = head();
        List<AuditEntry> chain = jdbc.sql(SELECT + " WHERE seq <= ? ORDER BY seq")
                .param(head.seq())
                .query(AuditLog::entry)
                .list();
        Verification v = AuditChain.verify(chain, head.seq(), head.hash());
        long beyond = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE seq > ?")
                .param(head.seq())
                .query(Long.class)
                .single();
        if (v.verified() && beyond > 0 && head().equals(head)) {
            return Verification.broken(
                    chain.size() + beyond, beyond + " entries after entry " + head.seq() + ", the last written");
        }
        return v;
    }

    private Head head() {
        return jdbc.sql("SELECT seq, hash FROM audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
    }

    private static final String SELECT = "SELECT seq, at_ms, actor, action, launch_id, target, before_value,"
            + " after_value, prev_hash, hash FROM audit_log";

    private static AuditEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long launch = rs.getLong(5);
        Optional<Long> launchId = rs.wasNull() ? Optional.empty() : Optional.of(launch);
        return new AuditEntry(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                launchId,
                nonNull(rs.getString(6)),
                nonNull(rs.getString(7)),
                nonNull(rs.getString(8)),
                rs.getString(9),
                rs.getString(10));
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private record Head(long seq, String hash) {}
}
