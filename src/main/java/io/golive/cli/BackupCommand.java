package io.golive.cli;

import io.golive.InputException;
import io.golive.server.store.Database;
import io.golive.server.store.DatabaseLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code golive backup}: a consistent zip of the embedded database, taken while the server is stopped. */
@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Back up the embedded database to a zip file (stop the server first).",
            "For PostgreSQL use pg_dump; golive keeps nothing outside the database."
        })
final class BackupCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "FILE.zip", description = "The backup file (default golive-backup-TIME.zip).")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DatabaseLocation location = database.location();
        if (!location.isEmbedded()) {
            throw new InputException("golive backup saves the embedded database; back up PostgreSQL with pg_dump");
        }
        if (!Files.exists(location.dataDir().orElseThrow().resolve("golive.mv.db"))) {
            throw new InputException(location.dataDir().orElseThrow() + ": no golive database here");
        }
        Path file = out != null
                ? out
                : Path.of("golive-backup-"
                        + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                                .withZone(ZoneOffset.UTC)
                                .format(Instant.now())
                        + ".zip");
        if (Files.exists(file)) {
            throw new InputException(file + ": exists already; choose another --out");
        }
        try (Database db = Database.open(location)) {
            String target = file.toAbsolutePath().toString().replace("'", "''");
            db.jdbc().sql("BACKUP TO '" + target + "'").update();
        }
        spec.commandLine().getOut().println("backup written to " + file);
        return Main.OK;
    }
}
