package io.golive.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.golive.server.store.Database;
import io.golive.server.store.DatabaseLocation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** user add, token create, audit verify, backup and restore on the embedded database, server stopped. */
class AdminCommandsIT {
    @TempDir
    Path dir;

    private final InputStream stdin = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    CliTest.Run golive(String... args) {
        return CliTest.golive(args);
    }

    void addUser(String name, String... roles) {
        System.setIn(new ByteArrayInputStream("a-long-enough-password\n".getBytes(StandardCharsets.UTF_8)));
        List<String> args =
                new java.util.ArrayList<>(List.of("user", "add", name, "--password-stdin", "--data", data()));
        for (String r : roles) {
            args.add("--role");
            args.add(r);
        }
        CliTest.Run r = golive(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
    }

    String data() {
        return dir.resolve("data").toString();
    }

    void sql(String statement) {
        try (Database db = Database.open(DatabaseLocation.embedded(dir.resolve("data")))) {
            db.jdbc().sql(statement).update();
        }
    }

    @Test
    void userAddAndTokenCreatePrintTheTokenAloneOnTheLastLine() {
        addUser("carol", "CTO", "viewer");
        CliTest.Run t = golive("token", "create", "ci", "--user", "carol", "--data", data());
        assertThat(t.code()).as(t.err()).isZero();
        String[] lines = t.out().strip().split("\n");
        assertThat(lines[lines.length - 1]).matches("glv_[A-Za-z0-9_-]{43}");
        assertThat(golive("token", "create", "ci", "--user", "nobody", "--data", data())
                        .code())
                .isEqualTo(2);
    }

    @Test
    void aShortPasswordIsRefused() {
        System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
        CliTest.Run r = golive("user", "add", "x", "--role", "viewer", "--password-stdin", "--data", data());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("at least 12 characters");
    }

    @Test
    void auditVerifyFindsAnEditedEntry() {
        addUser("a", "viewer");
        addUser("b", "editor");
        assertThat(golive("audit", "verify", "--data", data()).code()).isZero();
        sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1");
        CliTest.Run r = golive("audit", "verify", "--data", data());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("TAMPERED").contains("entry 1 was changed");
    }

    @Test
    void auditVerifyFindsADeletedEntry() {
        addUser("a", "viewer");
        addUser("b", "editor");
        addUser("c", "editor");
        sql("DELETE FROM audit_log WHERE seq = 2");
        CliTest.Run r = golive("audit", "verify", "--data", data());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("entry 2 is missing");
    }

    @Test
    void auditVerifyFindsReorderedEntries() {
        addUser("a", "viewer");
        addUser("b", "editor");
        addUser("c", "editor");
        sql("UPDATE audit_log SET seq = -2 WHERE seq = 2");
        sql("UPDATE audit_log SET seq = 2 WHERE seq = 3");
        sql("UPDATE audit_log SET seq = 3 WHERE seq = -2");
        CliTest.Run r = golive("audit", "verify", "--data", data());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("entry 2 does not follow entry 1");
    }

    @Test
    void backupAndRestoreRoundTrip() {
        addUser("before", "viewer");
        Path zip = dir.resolve("b.zip");
        CliTest.Run b = golive("backup", "--data", data(), "--out", zip.toString());
        assertThat(b.code()).as(b.err()).isZero();
        addUser("after", "viewer");
        assertThat(golive("restore", zip.toString(), "--data", data()).code()).isEqualTo(2);
        CliTest.Run r = golive("restore", zip.toString(), "--data", data(), "--force");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("audit log verified");
        try (Database db = Database.open(DatabaseLocation.embedded(dir.resolve("data")))) {
            List<String> users = db.jdbc()
                    .sql("SELECT name FROM users ORDER BY name")
                    .query(String.class)
                    .list();
            assertThat(users).containsExactly("before");
        }
        CliTest.Run fresh =
                golive("restore", zip.toString(), "--data", dir.resolve("other").toString());
        assertThat(fresh.code()).isZero();
        assertThat(golive("restore", dir.resolve("nothing.zip").toString(), "--data", data(), "--force")
                        .code())
                .isEqualTo(2);
    }
}
