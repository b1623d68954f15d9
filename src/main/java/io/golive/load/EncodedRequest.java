package io.golive.load;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A request encoded once into the bytes sent for it every time, with the origin it goes to. */
final class EncodedRequest {
    final ByteBuffer bytes;
    final int origin;
    final boolean head;

    private EncodedRequest(ByteBuffer bytes, int origin, boolean head) {
        this.bytes = bytes;
        this.origin = origin;
        this.head = head;
    }

    static EncodedRequest of(LoadRequest request, int origin) {
        byte[] raw = encode(request);
        ByteBuffer direct = ByteBuffer.allocateDirect(raw.length).put(raw).flip();
        return new EncodedRequest(
                direct.asReadOnlyBuffer(), origin, request.method().equals("HEAD"));
    }

    static byte[] encode(LoadRequest request) {
        URI url = request.url();
        String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            target += "?" + url.getRawQuery();
        }
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(128)
                .append(request.method())
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n");
        boolean hasHost = false;
        boolean hasAgent = false;
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            hasHost |= h.getKey().equalsIgnoreCase("host");
            hasAgent |= h.getKey().equalsIgnoreCase("user-agent");
            if (!h.getKey().equalsIgnoreCase("content-length")) {
                head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
        }
        if (!hasHost) {
            head.append("Host: ").append(url.getRawAuthority()).append("\r\n");
        }
        if (!hasAgent) {
            head.append("User-Agent: golive-loadtest\r\n");
        }
        if (body.length > 0 || !request.method().matches("GET|HEAD|DELETE|OPTIONS|TRACE")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
