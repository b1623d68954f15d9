package io.golive.probe.redis;

import java.io.IOException;

/** Redis answered a command with an error reply ({@code -WRONGPASS ...}); the connection itself is fine. */
final class RedisException extends IOException {
    RedisException(String reply) {
        super(reply);
    }

    /** The error code, the reply's first word ({@code NOAUTH}, {@code WRONGPASS}, {@code ERR}). */
    String code() {
        String m = getMessage();
        int space = m.indexOf(' ');
        return space < 0 ? m : m.substring(0, space);
    }
}
