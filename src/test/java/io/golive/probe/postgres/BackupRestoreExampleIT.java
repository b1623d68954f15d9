package io.golive.probe.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.golive.spec.LaunchSpec;
import io.golive.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts of examples/backup-restore against a real PostgreSQL with Debian's client tools: a dump,
 * a restore into a scratch database whose row count matches, and a drill that fails on a wrong count.
 */
class BackupRestoreExampleIT {
    private static final Path EXAMPLE = Path.of("examples/backup-restore").toAbsolutePath();

    @TempDir
    Path backups;

    private final PgServers servers = PgServers.get();

    record Result(int exit, String output) {}

    private Result script(String name, Map<String, String> extra) throws IOException, InterruptedException {
        PgFixture.tool("pg_dump");
        PgFixture.tool("pg_restore");
        Path log = Files.createTempFile(backups, "script", ".log");
        ProcessBuilder pb = new ProcessBuilder(EXAMPLE.resolve(name).toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.putAll(Map.of(
                "PGHOST", "127.0.0.1",
                "PGPORT", Integer.toString(servers.primary.getPort()),
                "PGUSER", "postgres",
                "PGDATABASE", "postgres",
                "BACKUP_DIR", backups.toString(),
                "CHECK_TABLE", "orders"));
        env.putAll(extra);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(name + " did not finish in 120 s: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    @Test
    void theDrillDumpsRestoresAndCountsTheRows() throws Exception {
        Result r = script("drill.sh", Map.of());
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("orders has 50000 rows (expected 50000)");
        try (Stream<Path> files = Files.list(backups)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .anyMatch(n -> n.matches("postgres-\\d{8}T\\d{6}Z\\.dump"))
                    .noneMatch(n -> n.endsWith(".partial"));
        }
        assertThat(PgFixture.longValue(
                        servers.primary,
                        "SELECT count(*) FROM pg_database WHERE datname LIKE 'golive_restore_check_%'"))
                .as("scratch databases left behind")
                .isZero();
    }

    @Test
    void aWrongRowCountFailsTheDrill() throws Exception {
        assertThat(script("backup.sh", Map.of()).exit()).isZero();
        Result r = script("restore-check.sh", Map.of("EXPECT_ROWS", "49999"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.output()).contains("orders has 50000 rows after the restore, expected 49999");
    }

    @Test
    void noDumpIsAnErrorNotAPass() throws Exception {
        Result r = script("restore-check.sh", Map.of());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.output()).contains("no dump of postgres in " + backups);
    }

    @Test
    void theExampleSpecIsValid() {
        Map<String, String> env = new HashMap<>(Map.of(
                "PGUSER",
                "backup",
                "PGHOST",
                "127.0.0.1",
                "PGPORT",
                "5432",
                "PGDATABASE",
                "orders",
                "PGPASSWORD",
                "x"));
        LaunchSpec spec =
                new SpecLoader(Set.of("command", "file", "postgres"), env).load(EXAMPLE.resolve("golive.yaml"));
        assertThat(spec.checks()).extracting(c -> c.kind()).containsExactly("command", "file", "postgres", "postgres");
        assertThat(spec.targets().get("orders").string("postgres"))
                .hasValue("postgresql://backup@127.0.0.1:5432/orders");
    }
}
