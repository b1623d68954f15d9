package io.golive.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * The TLS records of one event loop's connections: each connection's record buffers, the handshake
 * steps, sealing its output into records and writing them. The loop decides what happens to a
 * connection (its state, its selector interest, its failures); this class only moves bytes through
 * the connection's {@link SSLEngine}, on the loop's thread.
 */
final class TlsRecords {
    /** {@link #handshake}: the handshake is done. */
    static final int DONE = 0;
    /** {@link #handshake}: waits for the server's next records. */
    static final int WAIT_READ = 1;
    /** {@link #handshake}: waits until the socket takes the records not written yet. */
    static final int WAIT_WRITE = 2;

    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    /** Plaintext of one TLS record, read by the parser right away: one buffer serves every connection. */
    final ByteBuffer plainIn;

    private final Tls tls;
    private final LoopCounters counters;
    /** The parser reads an array: plaintext unwrapped into native memory is copied here. */
    private final byte[] plainArray;

    TlsRecords(Tls tls, LoopCounters counters) {
        this.tls = tls;
        this.counters = counters;
        // OpenSSL's engines unwrap into native memory without a copy of their own; the parser reads an array.
        this.plainIn = allocate(tls.applicationSize());
        this.plainArray = plainIn.hasArray() ? null : new byte[tls.applicationSize()];
    }

    private ByteBuffer allocate(int size) {
        return tls.directBuffers() ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
    }

    /** Gives {@code c} its record buffers, once: they serve every socket the slot opens. */
    void buffers(Connection c) {
        if (c.netIn == null) {
            c.netIn = allocate(tls.packetSize());
            c.netOut = allocate(tls.packetSize()).flip();
        }
    }

    /**
     * Takes {@code c}'s handshake as far as the socket allows.
     *
     * @return {@link #DONE}, {@link #WAIT_READ} or {@link #WAIT_WRITE}
     * @throws SSLException when the handshake fails (the certificate, the protocol)
     * @throws IOException when the socket does
     */
    int handshake(Connection c) throws IOException {
        SSLEngine engine = c.tls;
        while (true) {
            if (!flush(c)) {
                return WAIT_WRITE;
            }
            switch (engine.getHandshakeStatus()) {
                case NEED_WRAP -> {
                    c.netOut.clear();
                    SSLEngineResult r = engine.wrap(NOTHING, c.netOut);
                    c.netOut.flip();
                    if (r.getStatus() != SSLEngineResult.Status.OK) {
                        throw new SSLHandshakeException("the handshake ended: " + r.getStatus());
                    }
                }
                case NEED_TASK -> runTasks(engine);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (!unwrapHandshake(c)) {
                        return WAIT_READ;
                    }
                }
                default -> { // NOT_HANDSHAKING: done
                    return DONE;
                }
            }
        }
    }

    /** Unwraps one handshake record, reading more when none is complete; false when the socket has no more. */
    private boolean unwrapHandshake(Connection c) throws IOException {
        c.netIn.flip();
        SSLEngineResult r;
        try {
            r = c.tls.unwrap(c.netIn, plainIn.clear());
        } finally {
            c.netIn.compact();
        }
        switch (r.getStatus()) {
            case BUFFER_UNDERFLOW -> {
                if (!c.netIn.hasRemaining()) {
                    throw new SSLHandshakeException("a TLS record larger than " + c.netIn.capacity() + " bytes");
                }
                int n = c.channel.read(c.netIn);
                if (n < 0) {
                    throw new SSLHandshakeException("the server closed the connection during the TLS handshake");
                }
                counters.add(LoopCounters.BYTES_READ, n);
                return n > 0;
            }
            case CLOSED -> throw new SSLHandshakeException("the server ended TLS during the handshake");
            case BUFFER_OVERFLOW -> throw new SSLHandshakeException("a TLS record larger than expected");
            default -> {
                return true;
            }
        }
    }

    /**
     * Seals {@code c}'s output into TLS records and writes them, as far as the socket takes them.
     *
     * @return true when bytes are left to write (the loop waits until the socket takes more)
     */
    boolean seal(Connection c) throws IOException {
        // Also wraps with nothing to send when the engine asks to answer (a TLS 1.3 key update).
        while (flush(c) && (c.out != null && c.out.hasRemaining() || wantsToWrap(c.tls))) {
            c.netOut.clear();
            SSLEngineResult r = c.tls.wrap(c.out, c.netOut);
            c.netOut.flip();
            if (r.getStatus() != SSLEngineResult.Status.OK) {
                throw new SSLException("cannot send: " + r.getStatus());
            }
        }
        return c.out != null && c.out.hasRemaining() || c.netOut.hasRemaining();
    }

    /** Writes pending TLS bytes; true when none are left. */
    private boolean flush(Connection c) throws IOException {
        if (c.netOut.hasRemaining()) {
            counters.add(LoopCounters.BYTES_WRITTEN, c.channel.write(c.netOut));
        }
        return !c.netOut.hasRemaining();
    }

    /** The first {@code n} bytes of the plaintext just unwrapped, in an array. */
    byte[] plainBytes(int n) {
        if (plainArray == null) {
            return plainIn.array();
        }
        plainIn.get(0, plainArray, 0, n);
        return plainArray;
    }

    static void runTasks(SSLEngine engine) {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run(); // certificate checks and key agreement, on this loop like the rest
        }
    }

    static boolean wantsToWrap(SSLEngine engine) {
        return engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_WRAP;
    }
}
