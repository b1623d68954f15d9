package io.golive.server.system;

import java.net.URI;
import java.util.Set;

/** The host names the server connects to for itself (its database), read from its own settings. */
final class OwnHosts {
    private OwnHosts() {}

    /** The host of a {@code jdbc:postgresql://host:port/db} URL; none for embedded databases. */
    static Set<String> of(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:") || !jdbcUrl.contains("://")) {
            return Set.of();
        }
        try {
            String host = URI.create(jdbcUrl.substring("jdbc:".length())).getHost();
            return host == null ? Set.of() : Set.of(host);
        } catch (IllegalArgumentException e) {
            // a URL the driver itself will reject with its own message
            return Set.of();
        }
    }
}
