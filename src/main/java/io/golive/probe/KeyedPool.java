package io.golive.probe;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny pool of connections per server and credentials, so that the checks of a run against one
 * database or cache share a few connections instead of opening one each. Idle connections are closed
 * after a while by a daemon thread, and when the JVM exits.
 *
 * @param <C> the connection type
 */
public final class KeyedPool<C extends AutoCloseable> implements AutoCloseable {
    /** Opens a new connection; may throw the caller's own exception type. */
    @FunctionalInterface
    public interface Opener<C, E extends Exception> {
        C open() throws E;
    }

    private static final System.Logger LOG = System.getLogger(KeyedPool.class.getName());

    private final int maxPerKey;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Map<String, Slot<C>> slots = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private Thread reaper;

    public KeyedPool(int maxPerKey, Duration idleTimeout, Clock clock) {
        if (maxPerKey < 1) {
            throw new IllegalArgumentException("maxPerKey must be at least 1");
        }
        this.maxPerKey = maxPerKey;
        this.idleTimeout = requireNonNull(idleTimeout, "null idleTimeout");
        this.clock = requireNonNull(clock, "null clock");
    }

    /** A pool shared by the whole JVM, whose idle connections are closed when it exits. */
    public static <C extends AutoCloseable> KeyedPool<C> shared(int maxPerKey, Duration idleTimeout) {
        KeyedPool<C> pool = new KeyedPool<>(maxPerKey, idleTimeout, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(pool::close));
        return pool;
    }

    /**
     * A connection for {@code key}: an idle one if there is one, else a new one from {@code opener}
     * while fewer than the maximum are open; else waits up to {@code wait} for one to come back.
     *
     * @param key the server and credentials; never shown to anyone
     * @throws TimeoutException when no connection came free within {@code wait}
     */
    public <E extends Exception> Lease<C> borrow(String key, Duration wait, Opener<C, E> opener)
            throws E, TimeoutException, InterruptedException {
        requireNonNull(key, "null key");
        requireNonNull(opener, "null opener");
        Slot<C> slot = slots.computeIfAbsent(key, k -> new Slot<>(maxPerKey));
        if (!slot.permits.tryAcquire(Math.max(0, wait.toMillis()), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("all " + maxPerKey + " connections to this server are busy");
        }
        Idle<C> idle = slot.poll();
        if (idle != null) {
            return new Lease<>(this, slot, idle.connection, idle.number, true);
        }
        try {
            C opened = opener.open();
            return new Lease<>(this, slot, opened, slot.opened.incrementAndGet(), false);
        } catch (Exception | Error e) {
            slot.permits.release();
            throw e;
        }
    }

    /**
     * A key for a server and its credentials that holds the secret only as a SHA-256 digest, so the
     * pool never keeps a password in clear.
     */
    public static String key(String server, String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return server + "\u0000" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** How many connections were opened for {@code key} since the pool was made. */
    public int opened(String key) {
        Slot<C> slot = slots.get(key);
        return slot == null ? 0 : slot.opened.get();
    }

    /** Closes every idle connection; leases still out close theirs when they are returned. */
    @Override
    public void close() {
        closed = true;
        slots.values().forEach(s -> s.drain().forEach(i -> quietClose(i.connection)));
    }

    private void giveBack(Slot<C> slot, C connection, int number, boolean healthy) {
        try {
            if (healthy && !closed) {
                slot.offer(new Idle<>(connection, number, clock.instant()));
                startReaper();
            } else {
                quietClose(connection);
            }
        } finally {
            slot.permits.release();
        }
    }

    private synchronized void startReaper() {
        if (reaper == null) {
            reaper = Thread.ofPlatform().daemon().name("golive-pool-reaper").start(this::reapForever);
        }
    }

    private void reapForever() {
        while (!closed) {
            try {
                Thread.sleep(Math.max(100, idleTimeout.toMillis() / 2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Instant before = clock.instant().minus(idleTimeout);
            slots.values().forEach(s -> s.expire(before).forEach(i -> quietClose(i.connection)));
        }
    }

    private static void quietClose(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // A connection we no longer want: the server drops it either way, so a note is enough.
            LOG.log(System.Logger.Level.DEBUG, "closing a pooled connection failed", e);
        }
    }

    /** A borrowed connection; closing the lease gives it back (or closes it, after {@link #discard()}). */
    public static final class Lease<C extends AutoCloseable> implements AutoCloseable {
        private final KeyedPool<C> pool;
        private final Slot<C> slot;
        private final C connection;
        private final int number;
        private final boolean reused;
        private boolean healthy = true;
        private boolean returned;

        private Lease(KeyedPool<C> pool, Slot<C> slot, C connection, int number, boolean reused) {
            this.pool = pool;
            this.slot = slot;
            this.connection = connection;
            this.number = number;
            this.reused = reused;
        }

        public C connection() {
            return connection;
        }

        /** Whether the connection had served an earlier check. */
        public boolean reused() {
            return reused;
        }

        /** The connection's number among those opened to this server (1 for the first). */
        public int number() {
            return number;
        }

        /** How many connections the pool has opened to this server so far. */
        public int opened() {
            return slot.opened.get();
        }

        /** A one-line account for evidence: "reused connection #1 (1 opened to this server)". */
        public String describe() {
            return (reused ? "reused" : "new") + " connection #" + number + " (" + opened() + " opened to this server)";
        }

        /** The connection is broken or in an unknown state: close it instead of giving it back. */
        public void discard() {
            healthy = false;
        }

        @Override
        public void close() {
            if (!returned) {
                returned = true;
                pool.giveBack(slot, connection, number, healthy);
            }
        }
    }

    private record Idle<C>(C connection, int number, Instant since) {}

    /** The connections of one key: permits bound how many are out or idle at once. */
    private static final class Slot<C> {
        final Semaphore permits;
        final AtomicInteger opened = new AtomicInteger();
        private final Deque<Idle<C>> idle = new ArrayDeque<>();

        Slot(int max) {
            permits = new Semaphore(max, true);
        }

        synchronized Idle<C> poll() {
            return idle.pollFirst();
        }

        synchronized void offer(Idle<C> i) {
            idle.addFirst(i);
        }

        synchronized List<Idle<C>> drain() {
            List<Idle<C>> all = new ArrayList<>(idle);
            idle.clear();
            return all;
        }

        synchronized List<Idle<C>> expire(Instant before) {
            List<Idle<C>> old =
                    idle.stream().filter(i -> i.since.isBefore(before)).toList();
            idle.removeAll(old);
            return old;
        }
    }
}
