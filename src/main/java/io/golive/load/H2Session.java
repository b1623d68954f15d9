package io.golive.load;

import java.nio.ByteBuffer;

/**
 * One HTTP/2 connection shared by several connection slots (users, or the open model's connections),
 * each with at most one stream in flight: {@code --streams N} puts N slots on one connection. The
 * socket, its TLS engine and its buffers are those of {@link #carrier}, a slot of its own that no
 * dispatcher sees; the event loop drives it as any TLS connection and hands this session the
 * plaintext it reads. Frames go out through one buffer, the requests' frames copied in with their
 * stream ids written; of the answers' header blocks only the status is read ({@link H2Status}: golive
 * sets the server's HPACK dynamic table to 0, so no block depends on another), bodies are counted, not kept.
 */
final class H2Session {
    final Connection carrier;
    final Connection[] members;
    /**
     * Frames not written yet, read mode; it is the carrier's {@code out}. Direct for OpenSSL's engine,
     * which seals a direct buffer in place but copies a heap one into a pooled buffer of its own first.
     */
    ByteBuffer out;

    private final boolean direct;

    private final EventLoop loop;
    private final Connection[] pending;
    private int pendingHead;
    private int pendingCount;
    private int nextStreamId;
    private boolean ready;
    private boolean draining;
    private int inFlight;
    private long unacknowledged;

    // The frame being read: its header, then its payload (kept for every type but DATA).
    private final byte[] head = new byte[H2.FRAME_HEADER];
    private int headFill;
    private int length;
    private int type;
    private int flags;
    private int stream;
    private int payloadFill;
    private final byte[] payload = new byte[H2.MAX_FRAME];
    // A header block over HEADERS and CONTINUATION frames.
    private byte[] block = new byte[H2.MAX_FRAME];
    private int blockLength;
    private boolean blockEndsStream;

    /** {@code direct}: frames go out of a direct buffer (the TLS engine reads those in place). */
    H2Session(EventLoop loop, Connection carrier, Connection[] members, boolean direct) {
        this.loop = loop;
        this.direct = direct;
        this.out = allocate(64 * 1024).flip();
        this.carrier = carrier;
        this.members = members;
        this.pending = new Connection[members.length];
        carrier.h2 = this;
        carrier.out = out;
        for (Connection m : members) {
            m.h2 = this;
        }
    }

    /** A new socket: streams count from 1 again, with a new HPACK table. */
    void reset() {
        nextStreamId = 1;
        ready = false;
        draining = false;
        inFlight = 0;
        unacknowledged = 0;
        headFill = 0;
        payloadFill = 0;
        blockLength = 0;
        out.clear().flip();
        carrier.out = out;
    }

    boolean ready() {
        return ready && !draining;
    }

    /** The TLS handshake is done and the server agreed to HTTP/2: the preface, then the waiting requests. */
    void opened() {
        append(H2.opening(), -1);
        ready = true;
        while (pendingCount > 0 && !draining) {
            start(poll());
        }
    }

    /** {@code m} has a request bound: it goes out now if the connection is up, or when it is. */
    void submit(Connection m) {
        if (ready && !draining) {
            start(m);
        } else {
            m.state = Connection.CONNECTING;
            pending[(pendingHead + pendingCount++) % pending.length] = m;
        }
    }

    boolean hasPending() {
        return pendingCount > 0;
    }

    int inFlight() {
        return inFlight;
    }

    /** Every member waiting for the connection, for the loop to fail or count. */
    Connection poll() {
        Connection m = pending[pendingHead];
        pending[pendingHead] = null;
        pendingHead = (pendingHead + 1) % pending.length;
        pendingCount--;
        return m;
    }

    /** Forgets a stream that timed out or failed (its answer, if one comes, is ignored). */
    void forget(Connection m) {
        if (m.streamId != 0) {
            m.streamId = 0;
            inFlight--;
        }
        for (int i = 0; i < pendingCount; i++) {
            int at = (pendingHead + i) % pending.length;
            if (pending[at] == m) {
                // Shift the later ones down one place.
                for (int j = i; j < pendingCount - 1; j++) {
                    pending[(pendingHead + j) % pending.length] = pending[(pendingHead + j + 1) % pending.length];
                }
                pending[(pendingHead + pendingCount - 1) % pending.length] = null;
                pendingCount--;
                return;
            }
        }
    }

    private void start(Connection m) {
        int id = nextStreamId;
        nextStreamId += 2;
        m.streamId = id;
        m.h2Status = 0;
        m.state = Connection.BUSY;
        inFlight++;
        EncodedRequest r = m.request;
        append(r.h2, id);
        if (nextStreamId < 0) {
            draining = true; // stream ids are used up: this connection ends when its streams do
        }
    }

    /** Copies frames into the output, the stream id written into {@code r}'s frames when {@code id >= 0}. */
    private void append(byte[] frames, int id) {
        out.compact();
        if (out.remaining() < frames.length) {
            ByteBuffer bigger = allocate(Math.max(out.capacity() * 2, out.position() + frames.length));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
        int at = out.position();
        out.put(frames);
        if (id >= 0) {
            // HEADERS at 0, DATA (if any) right after it: both carry the stream's id at 5 (big-endian).
            out.putInt(at + 5, id & 0x7fffffff);
            int first = ((frames[0] & 0xff) << 16) | ((frames[1] & 0xff) << 8) | (frames[2] & 0xff);
            if (frames.length > H2.FRAME_HEADER + first) {
                out.putInt(at + H2.FRAME_HEADER + first + 5, id & 0x7fffffff);
            }
        }
        out.flip();
        carrier.out = out;
    }

    private ByteBuffer allocate(int capacity) {
        return direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
    }

    /**
     * Reads frames out of {@code n} plaintext bytes; answers complete on the loop as their last frame
     * arrives.
     *
     * @throws ResponseParser.ProtocolException when the server breaks HTTP/2: the connection ends
     */
    void feed(byte[] b, int off, int n) throws ResponseParser.ProtocolException {
        int end = off + n;
        while (off < end) {
            if (headFill < H2.FRAME_HEADER) {
                int take = Math.min(H2.FRAME_HEADER - headFill, end - off);
                System.arraycopy(b, off, head, headFill, take);
                headFill += take;
                off += take;
                if (headFill < H2.FRAME_HEADER) {
                    return;
                }
                length = ((head[0] & 0xff) << 16) | ((head[1] & 0xff) << 8) | (head[2] & 0xff);
                type = head[3] & 0xff;
                flags = head[4] & 0xff;
                stream = (((head[5] & 0x7f) << 24)
                        | ((head[6] & 0xff) << 16)
                        | ((head[7] & 0xff) << 8)
                        | (head[8] & 0xff));
                if (length > H2.MAX_FRAME) {
                    throw new ResponseParser.ProtocolException("an HTTP/2 frame larger than " + H2.MAX_FRAME);
                }
                payloadFill = 0;
            }
            int take = Math.min(length - payloadFill, end - off);
            if (type != H2.DATA) {
                System.arraycopy(b, off, payload, payloadFill, take);
            }
            payloadFill += take;
            off += take;
            if (payloadFill == length) {
                headFill = 0;
                onFrame();
            }
        }
    }

    private void onFrame() throws ResponseParser.ProtocolException {
        switch (type) {
            case H2.DATA -> {
                unacknowledged += length;
                if (unacknowledged > 1 << 30) {
                    append(H2.windowUpdate((int) unacknowledged), -1);
                    unacknowledged = 0;
                }
                if ((flags & H2.END_STREAM) != 0) {
                    finish(find(stream));
                }
            }
            case H2.HEADERS -> {
                int from = 0;
                int to = length;
                if ((flags & H2.PADDED) != 0) {
                    to -= payload[0] & 0xff;
                    from = 1;
                }
                if ((flags & H2.PRIORITY) != 0) {
                    from += 5;
                }
                blockLength = 0;
                blockEndsStream = (flags & H2.END_STREAM) != 0;
                addToBlock(from, to);
                if ((flags & H2.END_HEADERS) != 0) {
                    onHeaders();
                }
            }
            case H2.CONTINUATION -> {
                addToBlock(0, length);
                if ((flags & H2.END_HEADERS) != 0) {
                    onHeaders();
                }
            }
            case H2.SETTINGS -> {
                if ((flags & H2.ACK) == 0) {
                    append(H2.frame(H2.SETTINGS, H2.ACK, new byte[0]), -1);
                }
            }
            case H2.PING -> {
                if ((flags & H2.ACK) == 0) {
                    byte[] pong = H2.frame(H2.PING, H2.ACK, new byte[8]);
                    System.arraycopy(payload, 0, pong, H2.FRAME_HEADER, 8);
                    append(pong, -1);
                }
            }
            case H2.RST_STREAM -> {
                Connection m = find(stream);
                if (m != null) {
                    forget(m);
                    loop.h2Failed(m);
                }
            }
            case H2.GOAWAY ->
                onGoAway(((payload[0] & 0x7f) << 24)
                        | ((payload[1] & 0xff) << 16)
                        | ((payload[2] & 0xff) << 8)
                        | (payload[3] & 0xff));
            default -> {
                // WINDOW_UPDATE (golive's bodies fit the first window), PRIORITY, unknown types: nothing to do.
            }
        }
    }

    private void addToBlock(int from, int to) {
        int n = Math.max(0, to - from);
        if (blockLength + n > block.length) {
            block = java.util.Arrays.copyOf(block, Math.max(block.length * 2, blockLength + n));
        }
        System.arraycopy(payload, from, block, blockLength, n);
        blockLength += n;
    }

    private void onHeaders() throws ResponseParser.ProtocolException {
        int code = H2Status.of(block, blockLength);
        Connection m = find(stream);
        if (m == null) {
            return;
        }
        if (code >= 200 || m.h2Status == 0 && code > 0 && code < 100) {
            m.h2Status = code; // informational answers (1xx) are not the answer; trailers have none
        }
        if (blockEndsStream) {
            finish(m);
        }
    }

    private void finish(Connection m) {
        if (m == null) {
            return;
        }
        m.streamId = 0;
        inFlight--;
        loop.h2Answered(m, m.h2Status);
    }

    /** The server stops taking streams: those it did not take go again on a new connection. */
    private void onGoAway(int lastStream) {
        draining = true;
        for (Connection m : members) {
            if (m.streamId > lastStream && m.state == Connection.BUSY) {
                m.streamId = 0;
                inFlight--;
                m.state = Connection.CONNECTING;
                pending[(pendingHead + pendingCount++) % pending.length] = m;
            }
        }
    }

    private Connection find(int id) {
        if (id == 0) {
            return null;
        }
        for (Connection m : members) {
            if (m.streamId == id) {
                return m;
            }
        }
        return null;
    }
}
