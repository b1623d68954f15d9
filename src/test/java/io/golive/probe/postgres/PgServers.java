package io.golive.probe.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The PostgreSQL servers the postgres tests share, started once per test JVM and stopped when it
 * exits: {@code primary} archives WAL and holds the test data, {@code plain} has archiving off.
 */
final class PgServers {
    private static PgServers instance;

    final Path dir;
    final Path archive;
    final EmbeddedPostgres primary;
    final EmbeddedPostgres plain;

    private PgServers() throws IOException, SQLException {
        dir = Files.createTempDirectory("golive-pg");
        archive = Files.createDirectories(dir.resolve("wal-archive"));
        primary = PgFixture.start(dir, "archive_mode=on", "wal_level=replica", "max_connections=40");
        plain = PgFixture.start(dir);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(this::stop));
        PgFixture.sql(
                primary, "ALTER SYSTEM SET archive_command = 'cp %p " + archive + "/%f'", "SELECT pg_reload_conf()");
        for (EmbeddedPostgres pg : new EmbeddedPostgres[] {primary, plain}) {
            PgFixture.sql(
                    pg,
                    "CREATE ROLE app LOGIN PASSWORD '" + PgFixture.APP_PASSWORD + "'",
                    "GRANT pg_monitor TO app",
                    "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO app");
        }
        PgTestData.load(primary);
    }

    static synchronized PgServers get() {
        if (instance == null) {
            try {
                instance = new PgServers();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("setting up the test PostgreSQL failed", e);
            }
        }
        return instance;
    }

    /** The app user's URL on a server, without the password. */
    static String url(EmbeddedPostgres pg) {
        return "postgresql://app@127.0.0.1:" + pg.getPort() + "/postgres";
    }

    private void stop() {
        for (EmbeddedPostgres pg : new EmbeddedPostgres[] {plain, primary}) {
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("stopping a test PostgreSQL failed: " + e);
            }
        }
    }
}
