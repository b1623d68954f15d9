package io.golive.probe.postgres;

import io.golive.probe.Observation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/** The check with no options: the server answers, and says which version it runs and whether over TLS. */
final class ConnectCheck implements PgCheck {
    static final String SQL = "SELECT current_setting('server_version'),"
            + " coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)";

    @Override
    public Observation run(Connection connection, Duration timeout) throws SQLException {
        try (Statement st = PgCheck.statement(connection, timeout);
                ResultSet rs = st.executeQuery(SQL)) {
            rs.next();
            String version = rs.getString(1);
            boolean tls = rs.getBoolean(2);
            return Observation.pass(
                    "connected: PostgreSQL " + version + (tls ? " over TLS" : " without TLS"),
                    Map.of("serverVersion", version, "tls", tls));
        }
    }
}
