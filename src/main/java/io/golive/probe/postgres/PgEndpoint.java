package io.golive.probe.postgres;

import static java.util.Objects.requireNonNull;

import io.golive.egress.EgressSocketFactory;
import io.golive.probe.KeyedPool;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A PostgreSQL server and the credentials to log in, read from {@code postgresql://user@host:port/db}
 * or {@code jdbc:postgresql://host:port/db?user=...}. The password is kept apart from the URL, so
 * that what is shown ({@link #display()}) never carries it.
 */
final class PgEndpoint {
    private static final Driver DRIVER = new Driver();

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String display;
    private final Optional<Boolean> ssl;

    private PgEndpoint(String jdbcUrl, String user, String password, String display, Optional<Boolean> ssl) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.display = display;
        this.ssl = ssl;
    }

    /**
     * Reads a URL; a password given apart wins over one written in the URL.
     *
     * @throws IllegalArgumentException naming what is wrong with the URL (never echoing a password)
     */
    static PgEndpoint parse(String url, Optional<String> password, Optional<Boolean> ssl) {
        requireNonNull(url, "null url");
        String plain = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
        URI uri;
        try {
            uri = new URI(plain);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("bad PostgreSQL URL: " + e.getReason());
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "a PostgreSQL URL starts with postgresql:// or jdbc:postgresql:// (got '" + uri.getScheme() + "')");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "the PostgreSQL URL names no host (write postgresql://USER@HOST:PORT/DB)");
        }
        Map<String, String> params = params(uri.getRawQuery());
        String[] info = uri.getRawUserInfo() == null
                ? new String[0]
                : uri.getRawUserInfo().split(":", 2);
        String user = info.length > 0 ? decode(info[0]) : params.getOrDefault("user", "");
        if (user.isEmpty()) {
            throw new IllegalArgumentException(
                    "the PostgreSQL URL names no user (write postgresql://USER@HOST:PORT/DB)");
        }
        String inUrl = info.length > 1 ? decode(info[1]) : params.getOrDefault("password", "");
        params.remove("user");
        params.remove("password");
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String host = uri.getHost();
        String db = uri.getPath() == null || uri.getPath().length() <= 1
                ? user
                : uri.getPath().substring(1);
        String address = host + ":" + port + "/" + db;
        Map<String, String> shown = new LinkedHashMap<>(params);
        // The key's passphrase is a secret like the password: used, never shown.
        shown.computeIfPresent("sslpassword", (k, v) -> "****");
        return new PgEndpoint(
                "jdbc:postgresql://" + address + query(params),
                user,
                password.filter(p -> !p.isEmpty()).orElse(inUrl),
                "postgresql://" + user + "@" + address + query(shown),
                ssl);
    }

    /** The server as shown in evidence: {@code postgresql://user@host:port/db}, no password. */
    String display() {
        return display;
    }

    String user() {
        return user;
    }

    /** The password, for masking in messages; empty when none. */
    String password() {
        return password;
    }

    /** Identifies the server and credentials for connection reuse (the password only as a hash). */
    String poolKey() {
        return KeyedPool.key(
                jdbcUrl + "\u0000" + user + "\u0000" + ssl.map(String::valueOf).orElse(""), password);
    }

    /** Opens a read-only session; connecting, logging in and each read are bounded by {@code timeout}. */
    Connection connect(Duration timeout) throws SQLException {
        String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
        Properties p = new Properties();
        p.setProperty("user", user);
        if (!password.isEmpty()) {
            p.setProperty("password", password);
        }
        p.setProperty("connectTimeout", seconds);
        p.setProperty("loginTimeout", seconds);
        p.setProperty("socketTimeout", seconds);
        p.setProperty("ApplicationName", "golive");
        // every connection is decided by the egress policy on the address actually connected to
        p.setProperty("socketFactory", EgressSocketFactory.class.getName());
        // A gate reads; it must never change the database it verifies.
        p.setProperty("readOnly", "true");
        p.setProperty("readOnlyMode", "always");
        ssl.ifPresent(on -> p.setProperty("sslmode", on ? "require" : "disable"));
        Connection c = DRIVER.connect(jdbcUrl, p);
        if (c == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + display);
        }
        return c;
    }

    @Override
    public String toString() {
        return display;
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return out;
    }

    private static String query(Map<String, String> params) {
        List<String> parts = new ArrayList<>();
        params.forEach((k, v) -> parts.add(encode(k) + "=" + encode(v)));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
