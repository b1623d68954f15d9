package io.golive.server.demo;

import static java.util.Objects.requireNonNull;

import io.golive.server.GoliveServer;
import io.golive.server.demo.DemoAccounts.Account;
import io.golive.server.store.DatabaseLocation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code golive demo}: a sample target, the server on a database of the demo's own, the sample
 * launches evaluated once against the target, and accounts to try it with. {@link #close()} stops the
 * server and the target and deletes a temporary database folder; the caller closes it (golive demo
 * does so from a shutdown hook, the server registering none of its own).
 */
public final class Demo implements AutoCloseable {
    private final Options options;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    // Set by start() and read by close(), both holding the monitor: a Ctrl-C during start-up sets
    // stopping, which start() checks between its steps, then stops whatever start() had started.
    private DemoFolder folder;
    private SampleTarget target;
    private ConfigurableApplicationContext context;
    private boolean closed;
    private volatile boolean stopping;

    /**
     * How to run the demo.
     *
     * @param port the server's port (0: a free one)
     * @param bind the server's address
     * @param data a folder to keep the database in; none: a temporary one, deleted at exit
     * @param firstRunWait how long to wait for the first evaluations before handing over
     */
    public record Options(int port, String bind, Optional<Path> data, Duration firstRunWait) {
        public Options {
            requireNonNull(bind, "null bind");
            requireNonNull(data, "null data");
            requireNonNull(firstRunWait, "null firstRunWait");
        }
    }

    /** A sample launch after its first evaluation (when that finished within the wait). */
    public record SampleLaunch(long id, String name, String decision, List<String> reasons, boolean evaluated) {}

    /** What the demo started: where to find it, who can log in, the launches and their decisions. */
    public record Started(
            String serverUrl,
            String targetUrl,
            Path dataDir,
            boolean temporary,
            List<Account> accounts,
            List<SampleLaunch> launches) {}

    /** A demo not started yet; {@link #close()} may be called at any time, also from another thread. */
    public Demo(Options options, Clock clock) {
        this.options = requireNonNull(options, "null options");
        this.clock = requireNonNull(clock, "null clock");
    }

    /** Starts everything; whatever started is stopped again when a later step fails. */
    public synchronized Started start() throws InterruptedException {
        if (closed) {
            throw new InterruptedException("the demo was stopped before it started");
        }
        if (folder != null) {
            throw new IllegalStateException("a demo starts once");
        }
        try {
            LocalDate today = LocalDate.now(clock);
            folder = options.data().map(d -> DemoFolder.at(d, today)).orElseGet(() -> DemoFolder.temporary(today));
            target = startTarget(folder);
            folder.remember(target.port());
            DatabaseLocation db = database(folder);
            List<Account> accounts = DemoAccounts.create(db, clock);
            requireNotStopping();
            context = GoliveServer.start(properties(options, db));
            requireNotStopping();
            context.addApplicationListener(e -> {
                if (e instanceof ContextClosedEvent) {
                    stopped.countDown();
                }
            });
            List<SampleLaunch> launches = new DemoSeeder(context)
                    .seed(DemoLaunches.load(target.url(), folder.day()), accounts, options.firstRunWait());
            return new Started(serverUrl(), target.url(), folder.dir(), folder.isTemporary(), accounts, launches);
        } catch (RuntimeException | InterruptedException e) {
            closeOnce();
            throw e;
        }
    }

    /** Between the steps of start(): a Ctrl-C need not wait for the whole start. */
    private void requireNotStopping() throws InterruptedException {
        if (stopping) {
            throw new InterruptedException("the demo was stopped during its start");
        }
    }

    /**
     * The embedded database in the folder, closed by the demo rather than by H2 at JVM exit: H2's own
     * exit hook would close it while the server is still stopping, and write into the folder just
     * being deleted.
     */
    private static DatabaseLocation database(DemoFolder folder) {
        DatabaseLocation db = DatabaseLocation.embedded(folder.dir());
        return new DatabaseLocation(db.url() + ";DB_CLOSE_ON_EXIT=FALSE", db.user(), db.password(), db.dataDir());
    }

    /** The previous start's port when the folder is kept and that port is free, else any free port. */
    private static SampleTarget startTarget(DemoFolder folder) {
        if (folder.targetPort().isPresent()) {
            try {
                return SampleTarget.start(folder.targetPort().getAsInt(), SampleTarget.Settings.DEFAULT);
            } catch (java.io.UncheckedIOException e) {
                // taken by something else since: a new port, and the sample launches get a new version
            }
        }
        return SampleTarget.start(0, SampleTarget.Settings.DEFAULT);
    }

    private static Map<String, String> properties(Options options, DatabaseLocation db) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("server.port", Integer.toString(options.port()));
        props.put("server.address", options.bind());
        props.put("spring.datasource.url", db.url());
        props.put("spring.datasource.username", db.user());
        // the demo's checks reach its own sample target on loopback and nothing else
        props.put("golive.egress.allow", "127.0.0.1/32");
        // the demo closes the server itself, then the target, then deletes the folder, in that order;
        // Spring's own hook would close the server concurrently with it
        props.put("spring.main.register-shutdown-hook", "false");
        // the tour printed at start is the demo's console: the log keeps to golive's own news, without
        // Spring's start-up lines and the warnings meant for production (Flyway's H2 version, springdoc)
        props.put("spring.main.log-startup-info", "false");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.io.golive", "INFO");
        props.put("logging.level.org.flywaydb", "ERROR");
        props.put("logging.level.org.springdoc", "ERROR");
        return props;
    }

    private String serverUrl() {
        String bind = options.bind();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        boolean anywhere = bind.equals("0.0.0.0") || bind.equals("::");
        String host = anywhere ? "127.0.0.1" : bind.contains(":") ? "[" + bind + "]" : bind;
        return "http://" + host + ":" + port;
    }

    /** Waits until the server stops (Ctrl-C, or {@link #close()}). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops the server and the sample target, then deletes a temporary folder; once, whatever had started. */
    @Override
    public void close() {
        stopping = true;
        closeOnce();
    }

    private synchronized void closeOnce() {
        if (closed) {
            return;
        }
        closed = true;
        stopped.countDown();
        try (DemoFolder f = folder;
                SampleTarget t = target) {
            if (context != null) {
                context.close();
            }
        }
    }
}
