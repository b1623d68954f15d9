package io.golive.probe.postgres;

import io.golive.probe.Observation;
import io.golive.spec.Durations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Counts the streaming replicas a primary sees in pg_stat_replication and checks their replay lag. */
final class ReplicationCheck implements PgCheck {
    /** One row of pg_stat_replication; lag is null where the server does not know it. */
    record Replica(String name, String address, String state, String sync, Long lagBytes, Double lagSeconds) {
        String describe() {
            return (name.isEmpty() ? "(unnamed)" : name) + " " + address + " " + state + " " + sync + " lag "
                    + (lagBytes == null ? "unknown" : lagBytes + " B")
                    + (lagSeconds == null ? "" : " / " + PgValues.format(lagSeconds) + " s");
        }
    }

    static final String SQL = "SELECT coalesce(application_name, ''), coalesce(client_addr::text, 'local'),"
            + " state, coalesce(sync_state, ''),"
            + " pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint,"
            + " coalesce(extract(epoch FROM replay_lag)::float8, 0)"
            + " FROM pg_stat_replication ORDER BY application_name";

    private final int min;
    private final Optional<Long> maxLagBytes;
    private final Optional<Duration> maxLag;

    ReplicationCheck(int min, Optional<Long> maxLagBytes, Optional<Duration> maxLag) {
        this.min = min;
        this.maxLagBytes = maxLagBytes;
        this.maxLag = maxLag;
    }

    @Override
    public Observation run(Connection connection, Duration timeout) throws SQLException {
        try (Statement st = PgCheck.statement(connection, timeout)) {
            try (ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
                if (rs.next() && rs.getBoolean(1)) {
                    return Observation.error("this server is a standby: point the replicas check at the primary");
                }
            }
            List<Replica> replicas = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(SQL)) {
                while (rs.next()) {
                    replicas.add(new Replica(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            (Long) rs.getObject(5),
                            rs.getDouble(6)));
                }
            }
            return judge(replicas).withEvidence("replicas", describe(replicas));
        }
    }

    Observation judge(List<Replica> replicas) {
        if (replicas.stream().anyMatch(r -> r.state() == null)) {
            return Observation.error("cannot read the replicas' state: the probe's user needs the pg_monitor role");
        }
        List<Replica> streaming =
                replicas.stream().filter(r -> r.state().equals("streaming")).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("replicas", streaming.size());
        long worstBytes = streaming.stream()
                .mapToLong(r -> r.lagBytes() == null ? Long.MAX_VALUE : r.lagBytes())
                .max()
                .orElse(0);
        double worstSeconds =
                streaming.stream().mapToDouble(Replica::lagSeconds).max().orElse(0);
        if (!streaming.isEmpty()) {
            m.put("maxLagBytes", worstBytes == Long.MAX_VALUE ? "unknown" : worstBytes);
            m.put("maxLagSeconds", PgValues.round(worstSeconds));
        }
        if (streaming.size() < min) {
            return Observation.fail(
                    streaming.size() + " streaming " + plural(streaming.size()) + " (need " + min + ")"
                            + (replicas.size() > streaming.size() ? "; not streaming: " + describe(replicas) : ""),
                    m);
        }
        if (maxLagBytes.isPresent() && worstBytes > maxLagBytes.get()) {
            return Observation.fail(
                    "replay lag " + (worstBytes == Long.MAX_VALUE ? "unknown" : worstBytes + " B") + " (more than "
                            + maxLagBytes.get() + " B)",
                    m);
        }
        if (maxLag.isPresent() && worstSeconds * 1000 > maxLag.get().toMillis()) {
            return Observation.fail(
                    "replay lag " + PgValues.format(worstSeconds) + " s (more than " + Durations.format(maxLag.get())
                            + ")",
                    m);
        }
        return Observation.pass(streaming.size() + " streaming " + plural(streaming.size()) + " (need " + min + ")", m);
    }

    private static String plural(int n) {
        return n == 1 ? "replica" : "replicas";
    }

    private static String describe(List<Replica> replicas) {
        return replicas.isEmpty()
                ? "none"
                : String.join("; ", replicas.stream().map(Replica::describe).toList());
    }
}
