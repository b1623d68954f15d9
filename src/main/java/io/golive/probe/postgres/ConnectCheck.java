package io.golive.probe.postgres;

import io.golive.probe.Observation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/** The check with no options: the server answers, and says which version it runs. */
final class ConnectCheck implements PgCheck {
    @Override
    public Observation run(Connection connection, Duration timeout) throws SQLException {
        try (Statement st = PgCheck.statement(connection, timeout);
                ResultSet rs = st.executeQuery("SELECT current_setting('server_version')")) {
            rs.next();
            String version = rs.getString(1);
            return Observation.pass("connected: PostgreSQL " + version, Map.of("serverVersion", version));
        }
    }
}
