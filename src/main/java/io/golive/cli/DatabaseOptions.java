package io.golive.cli;

import io.golive.server.store.DatabaseLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data DIR | --db JDBC_URL}: where the server's data is, shared by serve and the admin commands. */
final class DatabaseOptions {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Folder of the embedded H2 database (default ./golive-data).")
    Path data;

    @Option(
            names = "--db",
            paramLabel = "JDBC_URL",
            description = "A PostgreSQL JDBC URL instead (user and password from GOLIVE_DB_USER and GOLIVE_DB_PASSWORD"
                    + " unless the URL has them).")
    String db;

    DatabaseLocation location() {
        return DatabaseLocation.of(data, db, System.getenv());
    }

    /** The location of a database that must exist already (an embedded one is not created by reading it). */
    DatabaseLocation existing() {
        DatabaseLocation location = location();
        location.dataDir().ifPresent(dir -> {
            if (!java.nio.file.Files.exists(dir.resolve("golive.mv.db"))) {
                throw new io.golive.InputException(dir + ": no golive database here (golive serve creates it)");
            }
        });
        return location;
    }
}
