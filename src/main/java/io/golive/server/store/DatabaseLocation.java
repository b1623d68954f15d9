package io.golive.server.store;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the server keeps its data: an embedded H2 file database in a folder ({@code --data}), or a
 * JDBC URL ({@code --db}, PostgreSQL for teams and replicas).
 *
 * @param dataDir the folder of the embedded database, when it is embedded
 */
public record DatabaseLocation(String url, String user, String password, Optional<Path> dataDir) {
    /** The folder used when neither {@code --data} nor {@code --db} is given. */
    public static final Path DEFAULT_DIR = Path.of("golive-data");

    public DatabaseLocation {
        requireNonNull(url, "null url");
        requireNonNull(user, "null user");
        requireNonNull(password, "null password");
        requireNonNull(dataDir, "null dataDir");
    }

    /**
     * From the command-line options: {@code --db} wins; user and password of a JDBC URL come from
     * {@code GOLIVE_DB_USER} and {@code GOLIVE_DB_PASSWORD} unless the URL carries them.
     */
    public static DatabaseLocation of(Path data, String db, java.util.Map<String, String> env) {
        if (data != null && db != null) {
            throw new InputException("--data and --db exclude each other: give one");
        }
        if (db != null) {
            if (!db.startsWith("jdbc:")) {
                throw new InputException(
                        "--db: a JDBC URL such as jdbc:postgresql://127.0.0.1:5432/golive, not '" + db + "'");
            }
            return new DatabaseLocation(
                    db,
                    env.getOrDefault("GOLIVE_DB_USER", ""),
                    env.getOrDefault("GOLIVE_DB_PASSWORD", ""),
                    Optional.empty());
        }
        return embedded(data == null ? DEFAULT_DIR : data);
    }

    /** The H2 file database {@code golive} in the folder. */
    public static DatabaseLocation embedded(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        // PostgreSQL mode so that one set of migrations and queries serves both; WRITE_DELAY=0 so that
        // a commit is on disk before the request is answered (a killed server loses no answered write);
        // the async file system because a plain file channel closes when its thread is interrupted.
        String url = "jdbc:h2:async:" + abs.resolve("golive")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        return new DatabaseLocation(url, "golive", "", Optional.of(abs));
    }

    /** Creates a data folder (and its parents) when missing; a folder that cannot be made is bad input. */
    public static Path createFolder(Path dir) {
        try {
            return java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new InputException(dir + ": cannot create the data folder: " + e.getMessage(), e);
        }
    }

    public boolean isEmbedded() {
        return dataDir.isPresent();
    }

    /** The URL without credentials, for messages and logs. */
    public String describe() {
        return dataDir.map(d -> "embedded database in " + d)
                .orElseGet(() -> url.replaceAll("password=[^&;]*", "password=****"));
    }
}
