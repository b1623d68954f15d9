package io.golive.probe.redis;

import static java.util.Objects.requireNonNull;

import io.golive.probe.KeyedPool;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A Redis server and how to log in, read from {@code redis://[user@]host:port[/db]} ({@code rediss://}
 * for TLS). The password is kept apart, so {@link #display()} never carries it.
 */
final class RedisEndpoint {
    private final String host;
    private final int port;
    private final boolean tls;
    private final Optional<String> user;
    private final String password;
    private final int db;

    private RedisEndpoint(String host, int port, boolean tls, Optional<String> user, String password, int db) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.user = user;
        this.password = password;
        this.db = db;
    }

    /**
     * Reads a URL; a password given apart wins over one in the URL.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing a password)
     */
    static RedisEndpoint parse(String url, Optional<String> password) {
        requireNonNull(url, "null url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad Redis URL: " + e.getReason());
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "a Redis URL starts with redis:// or rediss:// (got '" + uri.getScheme() + "')");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the Redis URL names no host (write redis://HOST:PORT)");
        }
        String[] info = uri.getRawUserInfo() == null
                ? new String[0]
                : uri.getRawUserInfo().split(":", 2);
        Optional<String> user = info.length > 0 && !info[0].isEmpty() ? Optional.of(decode(info[0])) : Optional.empty();
        String inUrl = info.length > 1 ? decode(info[1]) : "";
        String path = uri.getPath() == null ? "" : uri.getPath().replace("/", "");
        if (!path.matches("\\d*")) {
            throw new IllegalArgumentException("the Redis URL's path must be a database number (redis://HOST:PORT/0)");
        }
        return new RedisEndpoint(
                uri.getHost(),
                uri.getPort() < 0 ? 6379 : uri.getPort(),
                uri.getScheme().equals("rediss"),
                user,
                password.filter(p -> !p.isEmpty()).orElse(inUrl),
                path.isEmpty() ? 0 : Integer.parseInt(path));
    }

    /** The server as shown in evidence, without the password. */
    String display() {
        return (tls ? "rediss://" : "redis://") + user.map(u -> u + "@").orElse("") + host + ":" + port
                + (db == 0 ? "" : "/" + db);
    }

    String password() {
        return password;
    }

    boolean hasPassword() {
        return !password.isEmpty();
    }

    /** Identifies server and credentials for connection reuse (the password never in clear). */
    String poolKey() {
        return KeyedPool.key(display(), password);
    }

    /** A connection that has logged in (when there is a password) and selected the database. */
    RespConnection connect(Duration timeout) throws IOException {
        RespConnection c = anonymous(timeout);
        try {
            if (hasPassword()) {
                if (user.isPresent()) {
                    c.call(timeout, "AUTH", user.get(), password);
                } else {
                    c.call(timeout, "AUTH", password);
                }
            }
            if (db != 0) {
                c.call(timeout, "SELECT", Integer.toString(db));
            }
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** A connection that has not logged in, to see whether Redis demands a password. */
    RespConnection anonymous(Duration timeout) throws IOException {
        return RespConnection.open(host, port, tls, timeout);
    }

    @Override
    public String toString() {
        return display();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
