package io.golive.probe.tls;

import io.golive.probe.ProbeConfig;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code tls:} check of a server's certificate and protocol.
 *
 * @param url {@code https://host:port}, or {@code target}, or {@code host} + {@code port} (443)
 * @param minDaysValid days the certificate must still be valid (default 14)
 * @param minProtocol the oldest protocol accepted (default TLSv1.2)
 * @param trust a PEM file of trusted certificates (relative to the spec); default: the JDK trust store
 * @param serverName the name the certificate must carry (default: the host)
 */
public record TlsConfig(
        Optional<String> url,
        Optional<String> target,
        String host,
        Integer port,
        Integer minDaysValid,
        String minProtocol,
        String trust,
        Boolean insecure,
        String serverName)
        implements ProbeConfig {
    static final List<String> PROTOCOLS = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    public TlsConfig {
        url = url == null ? Optional.empty() : url;
        target = target == null ? Optional.empty() : target;
        minDaysValid = minDaysValid == null ? 14 : minDaysValid;
        minProtocol = minProtocol == null ? "TLSv1.2" : minProtocol;
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        int given = (url.isPresent() ? 1 : 0) + (target.isPresent() ? 1 : 0) + (host != null ? 1 : 0);
        if (given != 1) {
            problems.add("give one of url, target or host (+ port)");
        }
        url.ifPresent(u -> {
            URI uri = URI.create(u);
            if (uri.getHost() == null) {
                problems.add("url needs a host: " + u);
            }
        });
        if (!PROTOCOLS.contains(minProtocol)) {
            problems.add("minProtocol must be one of " + PROTOCOLS);
        }
        return problems;
    }
}
