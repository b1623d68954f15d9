package io.golive.load;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;

/** One connection slot of an event loop (in the closed model: one user), and its request in flight. */
final class Connection {
    /** No socket; the next request connects first. */
    static final int CLOSED = 0;
    /** Connecting, with or without a request waiting to go out. */
    static final int CONNECTING = 1;
    /** Connected, no request in flight. */
    static final int IDLE = 2;
    /** A request is out and its response not complete. */
    static final int BUSY = 3;
    /** Connected, its TLS handshake under way, with or without a request waiting to go out. */
    static final int HANDSHAKING = 4;

    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);

    final int origin;
    final ResponseParser parser = new ResponseParser();
    SocketChannel channel;
    SelectionKey key;
    int state = CLOSED;
    /** Responses completed on the current socket: a reused socket may have been closed by the server. */
    int served;

    EncodedRequest request;
    ByteBuffer out;
    private EncodedRequest outOf;
    long intended;
    long sent;
    long deadline;
    /** When a waiting user sends again (closed model). */
    long wakeAt;

    boolean retried;
    /** Counted among its loop's connections connecting or shaking hands. */
    boolean opening;
    /** Waiting for its turn to connect (too many of the loop's are opening). */
    boolean queued;

    /** The TLS engine of the current socket; null in the clear or without a socket. */
    SSLEngine tls;
    /** Received TLS bytes not unwrapped yet (write mode); allocated once, on the first TLS connect. */
    ByteBuffer netIn;
    /** Wrapped TLS bytes not written yet (read mode); allocated once, on the first TLS connect. */
    ByteBuffer netOut;

    /** The HTTP/2 connection this slot has its streams on (or carries, when it is its carrier); null over HTTP/1.1. */
    H2Session h2;
    /** The stream of the request in flight over HTTP/2; 0 when none. */
    int streamId;
    /** The status of that stream's answer, once its headers came. */
    int h2Status;

    Connection(int origin) {
        this.origin = origin;
    }

    /** Closes the socket, if any; the slot connects again for its next request. */
    void close() {
        if (tls != null && (state == IDLE || state == BUSY)) {
            sayGoodbye();
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (java.io.IOException e) {
                // Closing is best effort: the socket is dropped either way and nothing else can be done.
            }
        }
        channel = null;
        key = null;
        if (tls != null) {
            Tls.release(tls);
            tls = null;
        }
        if (netIn != null) {
            netIn.clear();
            netOut.clear().flip();
        }
        state = CLOSED;
        served = 0;
    }

    boolean inFlight() {
        return request != null && (state == BUSY || state == CONNECTING || state == HANDSHAKING);
    }

    /** Sends TLS close_notify, best effort (one write), so that the server may keep the session for resumption. */
    private void sayGoodbye() {
        try {
            tls.closeOutbound();
            netOut.clear();
            tls.wrap(NOTHING, netOut);
            netOut.flip();
            channel.write(netOut);
        } catch (java.io.IOException | RuntimeException e) {
            // The socket closes either way; a lost close_notify only costs the server its session.
        }
    }

    /** Prepares to send {@code r}, reusing the output view of the previous request when it is the same. */
    void bind(EncodedRequest r, long intendedAt) {
        if (outOf != r) {
            out = r.bytes.duplicate();
            outOf = r;
        } else {
            out.rewind();
        }
        request = r;
        intended = intendedAt;
        retried = false;
        parser.reset(r.head);
    }
}
