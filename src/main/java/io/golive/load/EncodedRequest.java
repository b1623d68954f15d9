package io.golive.load;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A request encoded once into the bytes sent for it every time, with the origin it goes to. */
final class EncodedRequest {
    final ByteBuffer bytes;
    final int origin;
    final boolean head;
    /** The same request as HTTP/2 frames (HEADERS, then DATA with a body), their stream ids 0 until sent. */
    final byte[] h2;
    /** Where the DATA frame starts in {@link #h2}; -1 without a body. */
    final int h2DataAt;

    private EncodedRequest(ByteBuffer bytes, int origin, boolean head, byte[] h2, int h2DataAt) {
        this.bytes = bytes;
        this.origin = origin;
        this.head = head;
        this.h2 = h2;
        this.h2DataAt = h2DataAt;
    }

    static EncodedRequest of(LoadRequest request, int origin) {
        return of(request, origin, true);
    }

    /** {@code keepAlive} false asks the server to close the connection after answering. */
    static EncodedRequest of(LoadRequest request, int origin, boolean keepAlive) {
        byte[] raw = encode(request, keepAlive);
        ByteBuffer direct = ByteBuffer.allocateDirect(raw.length).put(raw).flip();
        byte[] block = H2.headerBlock(request);
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        byte[] h2 = body.length == 0
                ? H2.frame(H2.HEADERS, H2.END_HEADERS | H2.END_STREAM, block)
                : concat(H2.frame(H2.HEADERS, H2.END_HEADERS, block), H2.frame(H2.DATA, H2.END_STREAM, body));
        return new EncodedRequest(
                direct.asReadOnlyBuffer(),
                origin,
                request.method().equals("HEAD"),
                h2,
                body.length == 0 ? -1 : H2.FRAME_HEADER + block.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static byte[] encode(LoadRequest request) {
        return encode(request, true);
    }

    static byte[] encode(LoadRequest request, boolean keepAlive) {
        byte[] head = head(request, keepAlive).getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static String head(LoadRequest request, boolean keepAlive) {
        URI url = request.url();
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        StringBuilder head = new StringBuilder(128)
                .append(request.method())
                .append(' ')
                .append(path)
                .append(query)
                .append(" HTTP/1.1\r\n");
        request.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        if (!has(request, "host")) {
            head.append("Host: ").append(url.getRawAuthority()).append("\r\n");
        }
        if (!keepAlive && !has(request, "connection")) {
            head.append("Connection: close\r\n");
        }
        if (!has(request, "user-agent")) {
            head.append("User-Agent: golive-loadtest\r\n");
        }
        int length = request.body().getBytes(StandardCharsets.UTF_8).length;
        if (length > 0 || !request.method().matches("GET|HEAD|DELETE|OPTIONS|TRACE")) {
            head.append("Content-Length: ").append(length).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static boolean has(LoadRequest request, String header) {
        return request.headers().keySet().stream().anyMatch(header::equalsIgnoreCase);
    }
}
