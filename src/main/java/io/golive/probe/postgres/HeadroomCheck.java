package io.golive.probe.postgres;

import io.golive.probe.Observation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connection headroom: of the connections ordinary users may open (max_connections less those
 * reserved for superusers), enough must be free for a launch's extra load.
 */
final class HeadroomCheck implements PgCheck {
    static final String SQL = "SELECT current_setting('max_connections')::int,"
            + " current_setting('superuser_reserved_connections')::int"
            + " + coalesce(current_setting('reserved_connections', true), '0')::int,"
            + " (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int";

    private final double limit;
    private final boolean share;

    /** @param share true when {@code limit} is a percentage of the usable connections */
    HeadroomCheck(double limit, boolean share) {
        this.limit = limit;
        this.share = share;
    }

    @Override
    public Observation run(Connection connection, Duration timeout) throws SQLException {
        try (Statement st = PgCheck.statement(connection, timeout);
                ResultSet rs = st.executeQuery(SQL)) {
            rs.next();
            return judge(rs.getInt(1), rs.getInt(2), rs.getInt(3));
        }
    }

    Observation judge(int max, int reserved, int inUse) {
        int usable = Math.max(0, max - reserved);
        int free = Math.max(0, usable - inUse);
        double pct = usable == 0 ? 0 : free * 100.0 / usable;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("maxConnections", max);
        m.put("connectionsInUse", inUse);
        m.put("headroom", free);
        m.put("headroomPct", Math.round(pct * 10) / 10.0);
        String text =
                free + " of " + usable + " connections free (" + PgValues.format(Math.round(pct * 10) / 10.0) + "%)";
        String need = share ? PgValues.format(limit) + "%" : PgValues.format(limit);
        boolean ok = share ? pct >= limit : free >= limit;
        return ok ? Observation.pass(text + ", need " + need, m) : Observation.fail(text + ", less than " + need, m);
    }
}
