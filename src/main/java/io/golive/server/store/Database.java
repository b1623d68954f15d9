package io.golive.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.golive.InputException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The server's database opened without the server, for the administration commands ({@code golive
 * user add}, {@code token create}, {@code audit verify}, {@code backup}): migrated, with a JDBC client
 * and transactions.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.tx = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    }

    /** Opens and migrates the database; a database in use or out of reach is an {@link InputException}. */
    public static Database open(DatabaseLocation location) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.url());
        config.setUsername(location.user());
        config.setPassword(location.password());
        config.setMaximumPoolSize(2);
        config.setPoolName("golive-admin");
        config.setConnectionTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new InputException(location.describe() + ": " + reason(e, location), e);
        }
        try {
            migrate(ds);
        } catch (FlywayException e) {
            ds.close();
            throw new InputException(location.describe() + ": " + reason(e, location), e);
        }
        return new Database(ds);
    }

    /** Applies the migrations of {@code db/migration}, the same the server applies on start. */
    public static void migrate(DataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    private static String reason(Exception e, DatabaseLocation location) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String text = String.valueOf(t.getMessage());
        t = e;
        while (t != null) {
            if (t instanceof SQLException s && s.getErrorCode() == 90020
                    || String.valueOf(t.getMessage()).contains("already in use")) {
                return "the database is in use by another process (is golive serve running? stop it first)";
            }
            t = t.getCause();
        }
        return location.isEmbedded() ? text : "cannot open: " + text;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public TransactionTemplate tx() {
        return tx;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
