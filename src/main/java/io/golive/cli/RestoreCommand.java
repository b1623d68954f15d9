package io.golive.cli;

import io.golive.InputException;
import io.golive.server.audit.Verification;
import io.golive.server.store.Database;
import io.golive.server.store.DatabaseLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code golive restore}: puts a backup of the embedded database back, and checks its audit chain. */
@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Restore the embedded database from a zip made by golive backup (stop the server first).",
            "An existing database is kept beside it as golive.mv.db.before-restore, and only with --force."
        })
final class RestoreCommand implements Callable<Integer> {
    private static final String DB_FILE = "golive.mv.db";

    @Parameters(index = "0", paramLabel = "BACKUP.zip")
    Path backup;

    @Option(names = "--force", description = "Replace an existing database.")
    boolean force;

    @Mixin
    DatabaseOptions database;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DatabaseLocation location = database.location();
        if (!location.isEmbedded()) {
            throw new InputException(
                    "golive restore restores the embedded database; restore PostgreSQL with pg_restore");
        }
        Path dir = location.dataDir().orElseThrow();
        Path target = dir.resolve(DB_FILE);
        if (Files.exists(target) && !force) {
            throw new InputException(target + ": a database exists; add --force to replace it");
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".restore-", ".tmp");
        try {
            extract(tmp);
            if (Files.exists(target)) {
                Files.move(target, dir.resolve(DB_FILE + ".before-restore"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        try (Database db = Database.open(location)) {
            Verification v = AdminDb.audit(db).verify();
            spec.commandLine()
                    .getOut()
                    .println("restored " + backup + " into " + dir + "; audit log "
                            + (v.verified()
                                    ? "verified (" + v.entries() + " entries)"
                                    : "TAMPERED: " + v.problem().orElse("?")));
            return v.verified() ? Main.OK : Main.NO_GO;
        }
    }

    private void extract(Path to) throws IOException {
        if (!Files.isRegularFile(backup)) {
            throw new InputException(backup + ": no such file");
        }
        try (InputStream in = Files.newInputStream(backup);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (Path.of(e.getName()).getFileName().toString().equals(DB_FILE)) {
                    Files.copy(zip, to, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new InputException(backup + ": not a golive backup (" + e.getMessage() + ")");
        }
        throw new InputException(backup + ": not a golive backup (no " + DB_FILE + " inside)");
    }
}
