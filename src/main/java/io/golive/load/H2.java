package io.golive.load;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * HTTP/2 framing (RFC 9113) as far as the load engine needs it, and the requests' header blocks,
 * HPACK-encoded once (RFC 7541: static-table entries and literals without indexing, so that no
 * dynamic table is needed on the way out).
 */
final class H2 {
    static final int FRAME_HEADER = 9;
    static final int DATA = 0;
    static final int HEADERS = 1;
    static final int RST_STREAM = 3;
    static final int SETTINGS = 4;
    static final int PING = 6;
    static final int GOAWAY = 7;
    static final int WINDOW_UPDATE = 8;
    static final int CONTINUATION = 9;

    static final int END_STREAM = 0x1;
    static final int ACK = 0x1;
    static final int END_HEADERS = 0x4;
    static final int PADDED = 0x8;
    static final int PRIORITY = 0x20;

    /** The largest frame payload a peer sends unless told otherwise; golive does not tell otherwise. */
    static final int MAX_FRAME = 16_384;

    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /** Headers HTTP/2 forbids (RFC 9113 8.2.2) or carries as pseudo-headers. */
    private static final Set<String> LEFT_OUT =
            Set.of("host", "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade");

    private H2() {}

    /**
     * The first frames on a connection: the preface, no HPACK dynamic table (so an answer's status reads
     * from its own block, {@link H2Status}), no push, stream windows as large as allowed, and the
     * connection's.
     */
    static byte[] opening() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(PREFACE);
        byte[] settings = new byte[18];
        setting(settings, 0, 0x1, 0); // HEADER_TABLE_SIZE
        setting(settings, 6, 0x2, 0); // ENABLE_PUSH
        setting(settings, 12, 0x4, Integer.MAX_VALUE); // INITIAL_WINDOW_SIZE
        out.writeBytes(frame(SETTINGS, 0, settings));
        out.writeBytes(windowUpdate(Integer.MAX_VALUE - 65_535));
        return out.toByteArray();
    }

    static byte[] windowUpdate(int increment) {
        byte[] p = new byte[4];
        putInt(p, 0, increment & 0x7fffffff);
        return frame(WINDOW_UPDATE, 0, p);
    }

    private static void setting(byte[] p, int at, int id, int value) {
        p[at] = (byte) (id >>> 8);
        p[at + 1] = (byte) id;
        putInt(p, at + 2, value);
    }

    /** A frame on stream 0 (a request's stream id is written when it is sent). */
    static byte[] frame(int type, int flags, byte[] payload) {
        byte[] f = new byte[FRAME_HEADER + payload.length];
        f[0] = (byte) (payload.length >>> 16);
        f[1] = (byte) (payload.length >>> 8);
        f[2] = (byte) payload.length;
        f[3] = (byte) type;
        f[4] = (byte) flags;
        System.arraycopy(payload, 0, f, FRAME_HEADER, payload.length);
        return f;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** The request's header block: pseudo-headers first, names in lower case. */
    static byte[] headerBlock(LoadRequest request) {
        URI url = request.url();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        switch (request.method()) {
            case "GET" -> b.write(0x82);
            case "POST" -> b.write(0x83);
            default -> literal(b, 2, request.method());
        }
        b.write("https".equalsIgnoreCase(url.getScheme()) ? 0x87 : 0x86);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        if (path.equals("/")) {
            b.write(0x84);
        } else {
            literal(b, 4, path);
        }
        String authority = request.headers().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("host"))
                .map(java.util.Map.Entry::getValue)
                .findFirst()
                .orElse(url.getRawAuthority());
        literal(b, 1, authority);
        boolean agent = false;
        for (var h : request.headers().entrySet()) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (LEFT_OUT.contains(name) || name.equals("content-length")) {
                continue;
            }
            agent |= name.equals("user-agent");
            literal(b, name, h.getValue());
        }
        if (!agent) {
            literal(b, "user-agent", "golive-loadtest");
        }
        int length = request.body().getBytes(StandardCharsets.UTF_8).length;
        if (length > 0 || !request.method().matches("GET|HEAD|DELETE|OPTIONS|TRACE")) {
            literal(b, "content-length", Integer.toString(length));
        }
        return b.toByteArray();
    }

    /** A literal without indexing whose name is static-table entry {@code index}. */
    private static void literal(ByteArrayOutputStream b, int index, String value) {
        integer(b, 0x00, 4, index);
        string(b, value);
    }

    /** A literal without indexing with a new name. */
    private static void literal(ByteArrayOutputStream b, String name, String value) {
        b.write(0x00);
        string(b, name);
        string(b, value);
    }

    private static void string(ByteArrayOutputStream b, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        integer(b, 0x00, 7, bytes.length); // not Huffman-coded
        b.writeBytes(bytes);
    }

    /** An HPACK integer with an {@code bits}-bit prefix after the flags {@code first}. */
    private static void integer(ByteArrayOutputStream b, int first, int bits, int value) {
        int max = (1 << bits) - 1;
        if (value < max) {
            b.write(first | value);
            return;
        }
        b.write(first | max);
        value -= max;
        while (value >= 128) {
            b.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        b.write(value);
    }
}
