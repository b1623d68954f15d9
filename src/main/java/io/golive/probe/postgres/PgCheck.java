package io.golive.probe.postgres;

import io.golive.probe.Observation;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** One verification a {@code postgres} check makes on an open, read-only connection. */
interface PgCheck {
    /**
     * Runs the verification; an SQL error is thrown so that the probe can tell a broken connection
     * from a bad statement.
     */
    Observation run(Connection connection, Duration timeout) throws SQLException;

    /** A statement whose execution the server cancels when {@code timeout} has passed. */
    static Statement statement(Connection connection, Duration timeout) throws SQLException {
        Statement st = connection.createStatement();
        st.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
        return st;
    }
}
