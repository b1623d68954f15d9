package io.golive.server.demo;

import io.golive.InputException;
import io.golive.server.store.DatabaseLocation;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where the demo keeps its database: a temporary folder deleted at exit, or a folder given with
 * {@code --data}. A kept folder remembers the demo's first day and its sample target's port, so that
 * a restart imports the same texts (launch dates, target URL) and earlier sign-offs stay fresh; it is
 * marked as a demo folder so that the demo never writes its accounts into a real server's database.
 */
public final class DemoFolder implements AutoCloseable {
    static final String MARKER = "golive-demo.properties";

    private final Path dir;
    private final boolean temporary;
    private final LocalDate day;
    private final OptionalInt targetPort;
    private boolean deleted;

    private DemoFolder(Path dir, boolean temporary, LocalDate day, OptionalInt targetPort) {
        this.dir = dir;
        this.temporary = temporary;
        this.day = day;
        this.targetPort = targetPort;
    }

    /** A new temporary folder; {@link #close()} deletes it. */
    public static DemoFolder temporary(LocalDate today) {
        try {
            return new DemoFolder(Files.createTempDirectory("golive-demo-"), true, today, OptionalInt.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the demo", e);
        }
    }

    /** The folder {@code dir}, created when missing; one holding another golive database is refused. */
    public static DemoFolder at(Path dir, LocalDate today) {
        Path abs = dir.toAbsolutePath().normalize();
        Path marker = abs.resolve(MARKER);
        if (!Files.exists(marker)) {
            if (Files.exists(abs.resolve("golive.mv.db"))) {
                throw new InputException(abs + ": this folder holds a golive database that the demo did not create;"
                        + " give the demo a folder of its own");
            }
            return new DemoFolder(DatabaseLocation.createFolder(abs), false, today, OptionalInt.empty());
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
            p.load(r);
            LocalDate first = LocalDate.parse(p.getProperty("day", today.toString()));
            String port = p.getProperty("targetPort");
            return new DemoFolder(
                    abs, false, first, port == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(port)));
        } catch (IOException | RuntimeException e) {
            throw new InputException(marker + ": cannot read it: " + e.getMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    public boolean isTemporary() {
        return temporary;
    }

    /** The demo's day one: launch dates count from it. */
    public LocalDate day() {
        return day;
    }

    /** The sample target's port of the previous start in this folder. */
    public OptionalInt targetPort() {
        return targetPort;
    }

    /** Marks the folder as the demo's and remembers the day and the sample target's port. */
    public void remember(int port) {
        Properties p = new Properties();
        p.setProperty("day", day.toString());
        p.setProperty("targetPort", Integer.toString(port));
        try (Writer w = Files.newBufferedWriter(dir.resolve(MARKER), StandardCharsets.UTF_8)) {
            p.store(w, "golive demo folder: the demo's first day and its sample target's port");
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot write " + MARKER, e);
        }
    }

    /** Deletes a temporary folder with everything in it; a kept folder stays. */
    @Override
    public synchronized void close() {
        if (!temporary || deleted) {
            return;
        }
        deleted = true;
        try (Stream<Path> all = Files.walk(dir)) {
            List<Path> paths = all.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the demo's temporary folder " + dir, e);
        }
    }
}
