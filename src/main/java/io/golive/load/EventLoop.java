package io.golive.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.OptionalDouble;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * One thread driving many non-blocking HTTP/1.1 connections with a selector: sends pre-encoded
 * requests, parses just enough of each response, records latencies. A {@link Dispatcher} decides
 * when each connection sends (fixed rate or users). Connections to {@code https://} origins speak TLS
 * through one {@link SSLEngine} each, wrapped and unwrapped on this thread ({@link TlsRecords}), with
 * record buffers allocated once per connection slot.
 */
final class EventLoop implements Driver {
    /** The last stretch before a due send is polled rather than slept: selectors sleep in whole ms. */
    private static final long POLL_NANOS = 1_500_000;
    /** Latencies are recorded in microseconds up to an hour; longer ones count as an hour. */
    static final long MAX_MICROS = 3_600_000_000L;

    /**
     * Connections of one loop connecting or shaking hands at once; more wait their turn. No limit unless
     * {@code -Dgolive.load.opening=N}: measured with 1000 TLS users on a busy machine, 128 at a time
     * failed 193-468 connects within the timeout where no limit failed none (bench/README.md).
     */
    static final int MAX_OPENING = Math.max(1, Integer.getInteger("golive.load.opening", Integer.MAX_VALUE));

    final LoopCounters counters = new LoopCounters();
    private final SingleWriterRecorder latency = new SingleWriterRecorder(1, MAX_MICROS, 3);
    private final SingleWriterRecorder service = new SingleWriterRecorder(1, MAX_MICROS, 3);
    private final Selector selector;
    private final List<Connection> connections;
    private final List<InetSocketAddress> origins;
    // A heap buffer: the parser reads its array directly, faster than a direct buffer's accessors.
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    /** TLS buffers and record handling of this loop's connections; null when no origin is {@code https://}. */
    private final TlsRecords records;

    private final Tls tls;
    private final long timeoutNanos;
    private final long endNanos;
    private final long scanInterval;
    private final java.util.function.Consumer<SelectionKey> onReady = this::onReady; // one lambda, not one per select
    private Dispatcher dispatcher;
    private boolean keepAlive = true;
    /** The HTTP/2 connections and the slots sharing each; empty over HTTP/1.1. */
    private final List<H2Session> sessions = new java.util.ArrayList<>();
    /** An HTTP/2 connection's plaintext is being read: its writes wait until the end of it. */
    private boolean feeding;
    /** Connections connecting or shaking hands now, and those waiting to start. */
    private int opening;

    private final java.util.ArrayDeque<Connection> toOpen = new java.util.ArrayDeque<>();

    private volatile boolean stopped;
    private volatile Throwable failure;
    private volatile int inFlightAtEnd;
    private volatile String tlsFailure;
    private long now;
    /** The pause of a busy HTTP/2 loop; unused over HTTP/1.1. */
    private final BusyPause busyPause = new BusyPause();

    private boolean sawReady;
    private long readyAt;

    EventLoop(List<Connection> connections, List<InetSocketAddress> origins, long timeoutNanos, long endNanos)
            throws IOException {
        this(connections, origins, null, timeoutNanos, endNanos);
    }

    /** {@code tls} is the run's TLS setup, or null when no origin is {@code https://}. */
    EventLoop(List<Connection> connections, List<InetSocketAddress> origins, Tls tls, long timeoutNanos, long endNanos)
            throws IOException {
        this.selector = Selector.open();
        this.tls = tls;
        this.records = tls == null ? null : new TlsRecords(tls, counters);
        this.connections = connections;
        this.origins = origins;
        this.timeoutNanos = timeoutNanos;
        this.endNanos = endNanos;
        this.scanInterval = Math.max(1_000_000, Math.min(10_000_000, timeoutNanos / 10));
    }

    void dispatcher(Dispatcher d) {
        this.dispatcher = d;
    }

    /**
     * HTTP/2 with {@code streams} slots per connection: the slots of each origin are put, {@code streams}
     * at a time, on connections of their own.
     */
    void http2(int streams) {
        java.util.Map<Integer, List<Connection>> byOrigin = new java.util.TreeMap<>();
        for (Connection c : connections) {
            byOrigin.computeIfAbsent(c.origin, o -> new java.util.ArrayList<>()).add(c);
        }
        byOrigin.forEach((origin, slots) -> {
            for (int i = 0; i < slots.size(); i += streams) {
                List<Connection> members = slots.subList(i, Math.min(slots.size(), i + streams));
                sessions.add(new H2Session(
                        this,
                        new Connection(origin),
                        members.toArray(Connection[]::new),
                        tls != null && tls.directBuffers()));
            }
        });
    }

    /** {@code false}: every connection closes after its response (a new one, and a new handshake, per request). */
    void keepAlive(boolean keep) {
        this.keepAlive = keep;
    }

    @Override
    public void stop() {
        stopped = true;
        selector.wakeup();
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    @Override
    public int inFlightAtEnd() {
        return inFlightAtEnd;
    }

    @Override
    public Histogram intervalLatency(Histogram recycle) {
        return latency.getIntervalHistogram(recycle);
    }

    @Override
    public Histogram intervalService(Histogram recycle) {
        return service.getIntervalHistogram(recycle);
    }

    @Override
    public java.util.Optional<String> tlsFailure() {
        return java.util.Optional.ofNullable(tlsFailure);
    }

    @Override
    public LoopCounters counters() {
        return counters;
    }

    @Override
    public OptionalDouble busyFraction(long elapsedNanos) {
        return OptionalDouble.of(1 - (double) counters.get(LoopCounters.IDLE_NANOS) / elapsedNanos);
    }

    @Override
    public void run() {
        try {
            now = System.nanoTime();
            dispatcher.start(now);
            busyPause.start(now);
            long nextScan = now + scanInterval;
            while (!stopped) {
                now = System.nanoTime();
                if (now - endNanos >= 0) {
                    break;
                }
                dispatcher.tick(now);
                if (now - nextScan >= 0) {
                    scanTimeouts();
                    busyPause.measure(now, counters.get(LoopCounters.RESPONSES));
                    nextScan = now + scanInterval;
                }
                await(Math.min(Math.min(dispatcher.nextWake(), nextScan), endNanos) - now);
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
        } finally {
            inFlightAtEnd =
                    (int) connections.stream().filter(Connection::inFlight).count();
            connections.forEach(Connection::close);
            sessions.forEach(s -> s.carrier.close());
            closeSelector();
        }
    }

    private void await(long waitNanos) throws IOException {
        long before = now;
        sawReady = false;
        int ready;
        if (waitNanos > POLL_NANOS) {
            ready = selector.select(onReady, Math.max(1, (waitNanos - POLL_NANOS) / 1_000_000));
        } else {
            ready = selector.selectNow(onReady);
            if (ready == 0) {
                Thread.onSpinWait();
            }
        }
        // Time until the first ready connection is time spent waiting, not working.
        long woke = sawReady ? readyAt : System.nanoTime();
        counters.add(LoopCounters.IDLE_NANOS, woke - before);
        // A busy HTTP/2 loop lets answers gather before its next round; the pause is idle time too.
        if (ready > 0 && woke - before < BusyPause.NANOS && !sessions.isEmpty()) {
            long due = Math.min(dispatcher.nextWake(), endNanos);
            counters.add(LoopCounters.IDLE_NANOS, busyPause.pause(due, inFlight()));
        }
    }

    /** Requests sent (or waiting for their connection) and neither answered nor failed yet. */
    private long inFlight() {
        return counters.get(LoopCounters.SENT)
                - counters.get(LoopCounters.RESPONSES)
                - counters.get(LoopCounters.CONNECT_ERRORS)
                - counters.get(LoopCounters.TIMEOUTS)
                - counters.get(LoopCounters.IO_ERRORS);
    }

    private void onReady(SelectionKey key) {
        now = System.nanoTime();
        if (!sawReady) {
            sawReady = true;
            readyAt = now;
        }
        Connection c = (Connection) key.attachment();
        if (c.key != key) {
            return; // an event of a socket this slot has already closed
        }
        try {
            int ops = key.readyOps();
            if ((ops & SelectionKey.OP_CONNECT) != 0) {
                finishConnect(c);
                return;
            }
            if (c.state == Connection.HANDSHAKING) {
                handshake(c);
                return;
            }
            if ((ops & SelectionKey.OP_WRITE) != 0 && c.state == Connection.BUSY) {
                write(c);
            }
            if ((ops & SelectionKey.OP_READ) != 0 && c.key == key) { // a failed write closes the socket
                read(c);
            }
        } catch (CancelledKeyException e) {
            // The connection was closed while its events were handled; its slot already moved on.
        }
    }

    /** Sends {@code r} on {@code c}, connecting first when it has no socket. */
    void send(Connection c, EncodedRequest r, long intended, long at) {
        c.bind(r, intended);
        c.sent = at;
        c.deadline = at + timeoutNanos;
        counters.add(LoopCounters.SENT, 1);
        if (c.h2 != null) {
            sendH2(c);
        } else if (c.channel == null) {
            connect(c);
        } else {
            c.state = Connection.BUSY;
            write(c);
        }
    }

    /** Opens a connection ahead of any request (the open model keeps its connections ready). */
    void preconnect(Connection c, long at) {
        c.deadline = at + timeoutNanos;
        if (c.h2 != null) {
            openH2(c.h2);
            c.state = Connection.IDLE; // its request waits for the shared connection if it comes first
            dispatcher.onFree(c, now, false);
            return;
        }
        connect(c);
    }

    private static boolean isCarrier(Connection c) {
        return c.h2 != null && c.h2.carrier == c;
    }

    /** Puts the request bound to slot {@code m} on its HTTP/2 connection, opening that first if needed. */
    private void sendH2(Connection m) {
        H2Session s = m.h2;
        s.submit(m);
        if (s.carrier.channel == null) {
            openH2(s);
        } else if (!feeding && s.ready()) {
            write(s.carrier);
        }
    }

    private void openH2(H2Session s) {
        if (s.carrier.channel != null) {
            return;
        }
        s.reset();
        s.carrier.deadline = now + timeoutNanos;
        connect(s.carrier);
    }

    /** Slot {@code m}'s answer is complete, with {@code status} (0: none came). */
    void h2Answered(Connection m, int status) {
        if (status == 0) {
            failed(m, LoopCounters.IO_ERRORS);
            return;
        }
        latency.recordValue(Math.min(MAX_MICROS, Math.max(1, (now - m.intended) / 1_000)));
        service.recordValue(Math.min(MAX_MICROS, Math.max(1, (now - m.sent) / 1_000)));
        counters.add(LoopCounters.RESPONSES, 1);
        counters.status(status);
        m.served++;
        m.request = null;
        m.state = Connection.IDLE;
        dispatcher.onFree(m, now, false);
    }

    /** The server reset slot {@code m}'s stream. */
    void h2Failed(Connection m) {
        failed(m, LoopCounters.IO_ERRORS);
    }

    /** An HTTP/2 connection is gone: its streams in flight failed; requests not sent yet go on a new one. */
    private void h2Lost(Connection carrier, int counter) {
        H2Session s = carrier.h2;
        carrier.close();
        for (Connection m : s.members) {
            if (m.streamId != 0) {
                s.forget(m);
                failed(m, counter);
            }
        }
        if (s.hasPending()) {
            openH2(s);
        }
    }

    /** After reading: a connection the server is ending closes once its last stream is answered. */
    private void afterFeed(H2Session s) {
        if (s.carrier.out.hasRemaining() && s.carrier.channel != null) {
            write(s.carrier);
        }
        if (!s.ready() && s.inFlight() == 0 && s.carrier.state == Connection.BUSY) {
            s.carrier.close();
            if (s.hasPending()) {
                openH2(s);
            }
        }
    }

    /**
     * Connects {@code c}, or queues it while {@link #MAX_OPENING} connections of this loop are still
     * connecting or shaking hands (for a server whose accept queue is short).
     */
    private void connect(Connection c) {
        c.state = Connection.CONNECTING;
        if (opening >= MAX_OPENING) {
            if (!c.queued) {
                c.queued = true;
                toOpen.add(c);
            }
            return;
        }
        opening++;
        c.opening = true;
        try {
            SocketChannel channel = SocketChannel.open();
            c.channel = channel;
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = channel.connect(origins.get(c.origin));
            c.key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, c);
            if (connected) {
                onTcpConnected(c);
            }
        } catch (IOException e) {
            connectFailed(c);
        }
    }

    /** {@code c} is connected, or failed to: the next queued connection may open. */
    private void doneOpening(Connection c) {
        if (c.queued) {
            c.queued = false; // failed (timed out) while waiting its turn
        }
        if (c.opening) {
            c.opening = false;
            opening--;
            while (opening < MAX_OPENING && !toOpen.isEmpty()) {
                Connection next = toOpen.poll();
                if (next.queued && next.channel == null) {
                    next.queued = false;
                    connect(next);
                }
            }
        }
    }

    private void finishConnect(Connection c) {
        try {
            c.channel.finishConnect();
            c.key.interestOps(SelectionKey.OP_READ);
        } catch (IOException e) {
            connectFailed(c);
            return;
        }
        onTcpConnected(c);
    }

    /** The socket is connected: TLS origins shake hands first. */
    private void onTcpConnected(Connection c) {
        if (tls == null || !tls.secure(c.origin)) {
            onConnected(c);
            return;
        }
        records.buffers(c);
        try {
            c.tls = tls.engine(c.origin);
        } catch (SSLException e) {
            tlsFailed(c, e);
            return;
        }
        c.state = Connection.HANDSHAKING;
        handshake(c);
    }

    /** Drives the TLS handshake as far as the socket allows; sends the waiting request once it is done. */
    private void handshake(Connection c) {
        try {
            switch (records.handshake(c)) {
                case TlsRecords.WAIT_WRITE -> interest(c, SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                case TlsRecords.WAIT_READ -> interest(c, SelectionKey.OP_READ);
                default -> {
                    interest(c, SelectionKey.OP_READ);
                    onConnected(c);
                }
            }
        } catch (SSLException e) {
            tlsFailed(c, e);
        } catch (IOException e) {
            connectFailed(c);
        }
    }

    private void interest(Connection c, int ops) {
        if (c.key.interestOps() != ops) {
            c.key.interestOps(ops);
        }
    }

    private void tlsFailed(Connection c, SSLException e) {
        if (tlsFailure == null) {
            tlsFailure = tls.explain(c.origin, e);
        }
        connectFailed(c);
    }

    private void onConnected(Connection c) {
        doneOpening(c);
        if (isCarrier(c)) {
            String agreed = c.tls == null ? null : c.tls.getApplicationProtocol();
            if (!"h2".equals(agreed)) {
                if (tlsFailure == null) {
                    tlsFailure = tls.describe(c.origin) + ": the server does not speak HTTP/2 (ALPN: "
                            + (agreed == null || agreed.isEmpty() ? "no protocol agreed" : agreed)
                            + "); leave out --streams for HTTP/1.1";
                }
                connectFailed(c);
                return;
            }
            counters.add(LoopCounters.CONNECTS, 1);
            c.state = Connection.BUSY;
            c.h2.opened();
            write(c);
            return;
        }
        counters.add(LoopCounters.CONNECTS, 1);
        c.served = 0;
        if (c.request != null) {
            c.state = Connection.BUSY;
            write(c);
        } else {
            c.state = Connection.IDLE;
            dispatcher.onFree(c, now, false);
        }
    }

    private void connectFailed(Connection c) {
        doneOpening(c);
        if (isCarrier(c)) {
            H2Session s = c.h2;
            c.close();
            while (s.hasPending()) {
                failed(s.poll(), LoopCounters.CONNECT_ERRORS);
            }
            return;
        }
        if (c.request == null) {
            // A connection opened ahead of time failed: no request was lost, the slot connects again later.
            c.close();
            dispatcher.onFree(c, now, true);
        } else {
            failed(c, LoopCounters.CONNECT_ERRORS);
        }
    }

    private void write(Connection c) {
        if (c.tls != null) {
            writeTls(c);
            return;
        }
        try {
            int n = c.channel.write(c.out);
            counters.add(LoopCounters.BYTES_WRITTEN, n);
            boolean more = c.out.hasRemaining();
            int ops = more ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
            if (c.key.interestOps() != ops) {
                c.key.interestOps(ops);
            }
        } catch (IOException e) {
            ioFailed(c);
        }
    }

    /** Wraps the request into TLS records and writes them, as far as the socket takes them. */
    private void writeTls(Connection c) {
        try {
            boolean more = records.seal(c);
            interest(c, more ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
        } catch (IOException e) {
            ioFailed(c);
        }
    }

    /**
     * Reads TLS records, unwraps each and feeds its plaintext to the parser. A response is complete
     * once every whole record read so far is unwrapped: plaintext beyond it makes the socket untrusted.
     */
    private void readTls(Connection c) {
        int n;
        try {
            n = c.channel.read(c.netIn);
        } catch (IOException e) {
            ioFailed(c);
            return;
        }
        if (n < 0) {
            onEndOfInput(c);
            return;
        }
        if (n == 0) {
            return;
        }
        counters.add(LoopCounters.BYTES_READ, n);
        boolean done = false;
        boolean untrusted = false;
        boolean closed = false;
        c.netIn.flip();
        try {
            while (c.netIn.hasRemaining()) {
                SSLEngineResult r = c.tls.unwrap(c.netIn, records.plainIn.clear());
                SSLEngineResult.Status status = r.getStatus();
                if (status == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                    if (c.netIn.limit() == c.netIn.capacity() && c.netIn.position() == 0) {
                        throw new SSLException("a TLS record larger than " + c.netIn.capacity() + " bytes");
                    }
                    break;
                }
                if (status == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    throw new SSLException("a TLS record larger than expected");
                }
                if (status == SSLEngineResult.Status.CLOSED) {
                    closed = true;
                    break;
                }
                if (r.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    TlsRecords.runTasks(c.tls); // a post-handshake message (a session ticket, a key update)
                }
                int plain = records.plainIn.position();
                if (plain == 0) {
                    continue;
                }
                if (c.h2 != null) {
                    feeding = true;
                    try {
                        c.h2.feed(records.plainBytes(plain), 0, plain);
                    } finally {
                        feeding = false;
                    }
                    if (c.channel == null) {
                        return; // a stream's end closed it (a failure the feed reported)
                    }
                    continue;
                }
                if (done || c.state != Connection.BUSY) {
                    untrusted = true; // bytes nobody asked for
                    if (!done) {
                        break;
                    }
                    continue;
                }
                int end = c.parser.feed(records.plainBytes(plain), 0, plain);
                if (end >= 0) {
                    done = true;
                    untrusted = end < plain;
                }
            }
        } catch (SSLException e) {
            c.netIn.clear();
            failed(c, LoopCounters.IO_ERRORS);
            return;
        } catch (ResponseParser.ProtocolException e) {
            c.netIn.clear();
            failed(c, LoopCounters.IO_ERRORS);
            return;
        }
        c.netIn.compact();
        if (c.h2 != null) {
            if (closed) {
                h2Lost(c, LoopCounters.IO_ERRORS);
            } else {
                afterFeed(c.h2);
            }
            return;
        }
        if (!done && !closed && TlsRecords.wantsToWrap(c.tls)) {
            writeTls(c); // a key update asks for an answer
            return;
        }
        if (done) {
            complete(c, untrusted || closed);
        } else if (closed) {
            onEndOfInput(c);
        } else if (untrusted) {
            c.close();
        }
    }

    private void read(Connection c) {
        if (c.tls != null) {
            readTls(c);
            return;
        }
        ByteBuffer buf = readBuffer.clear();
        int n;
        try {
            n = c.channel.read(buf);
        } catch (IOException e) {
            ioFailed(c);
            return;
        }
        if (n < 0) {
            onEndOfInput(c);
        } else if (n > 0) {
            counters.add(LoopCounters.BYTES_READ, n);
            if (c.state != Connection.BUSY) {
                c.close(); // bytes nobody asked for: this socket cannot be trusted with the next request
                return;
            }
            try {
                int end = c.parser.feed(buf.array(), 0, n);
                if (end >= 0) {
                    complete(c, end < n);
                }
            } catch (ResponseParser.ProtocolException e) {
                failed(c, LoopCounters.IO_ERRORS);
            }
        }
    }

    private void onEndOfInput(Connection c) {
        if (isCarrier(c)) {
            h2Lost(c, LoopCounters.IO_ERRORS);
            return;
        }
        if (c.state != Connection.BUSY) {
            c.close(); // the server ended an idle keep-alive connection
        } else if (c.parser.endOfInput()) {
            complete(c, true);
        } else {
            ioFailed(c);
        }
    }

    private void ioFailed(Connection c) {
        if (isCarrier(c)) {
            h2Lost(c, LoopCounters.IO_ERRORS);
            return;
        }
        if (c.request == null) {
            c.close();
        } else if (c.served > 0 && !c.retried && !c.parser.started()) {
            // The server closed a kept-alive socket just as it was reused: send once more on a new one.
            c.close();
            c.retried = true;
            c.out.rewind();
            connect(c);
        } else {
            failed(c, LoopCounters.IO_ERRORS);
        }
    }

    /** A response is complete; {@code untrusted} when the socket cannot carry the next request. */
    private void complete(Connection c, boolean untrusted) {
        latency.recordValue(Math.min(MAX_MICROS, Math.max(1, (now - c.intended) / 1_000)));
        service.recordValue(Math.min(MAX_MICROS, Math.max(1, (now - c.sent) / 1_000)));
        counters.add(LoopCounters.RESPONSES, 1);
        counters.status(c.parser.status());
        c.served++;
        c.request = null;
        // Bytes beyond the response, or a request the server answered before reading all of it,
        // leave the socket in an unknown state: only a clean exchange keeps it open.
        boolean allSent = !c.out.hasRemaining() && (c.tls == null || !c.netOut.hasRemaining());
        if (keepAlive && c.parser.keepAlive() && !untrusted && allSent) {
            c.state = Connection.IDLE;
        } else {
            c.close();
        }
        dispatcher.onFree(c, now, false);
    }

    private void failed(Connection c, int counter) {
        doneOpening(c);
        if (isCarrier(c)) {
            h2Lost(c, counter);
            return;
        }
        counters.add(counter, 1);
        if (c.h2 != null) {
            c.h2.forget(c); // the stream, if any, is over for golive; the shared connection stays
        }
        c.close();
        c.request = null;
        dispatcher.onFree(c, now, true);
    }

    private void scanTimeouts() {
        for (H2Session s : sessions) {
            Connection c = s.carrier;
            boolean connecting = c.state == Connection.CONNECTING || c.state == Connection.HANDSHAKING;
            if (connecting && now - c.deadline >= 0) {
                connectFailed(c);
            }
        }
        for (Connection c : connections) {
            boolean connecting = c.state == Connection.CONNECTING || c.state == Connection.HANDSHAKING;
            if ((c.state == Connection.BUSY || connecting) && now - c.deadline >= 0) {
                if (c.request == null) {
                    connectFailed(c);
                } else {
                    failed(c, connecting ? LoopCounters.CONNECT_ERRORS : LoopCounters.TIMEOUTS);
                }
            }
        }
    }

    private void closeSelector() {
        try {
            selector.close();
        } catch (IOException e) {
            // The loop is over; a selector that fails to close holds no request.
        }
    }
}
