package io.golive.probe.http;

import io.golive.probe.ProbeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code headers:} check: response headers that must be present and must not be.
 *
 * @param require headers that must be present (default: the OWASP secure-headers baseline)
 * @param forbid headers that must be absent (default: X-Powered-By and a Server header naming a version)
 */
public record HeadersConfig(
        Optional<String> url,
        Optional<String> target,
        String path,
        Map<String, String> headers,
        List<String> require,
        List<String> forbid,
        Boolean insecure,
        String trust,
        String timeout)
        implements ProbeConfig, Endpoint.Fields {
    /** The OWASP secure-headers baseline; X-Frame-Options may be replaced by CSP frame-ancestors. */
    static final List<String> BASELINE = List.of(
            "Strict-Transport-Security",
            "Content-Security-Policy",
            "X-Content-Type-Options",
            "X-Frame-Options",
            "Referrer-Policy");

    public HeadersConfig {
        url = url == null ? Optional.empty() : url;
        target = target == null ? Optional.empty() : target;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        require = require == null ? BASELINE : List.copyOf(require);
        forbid = forbid == null ? List.of("X-Powered-By", "Server-Version") : List.copyOf(forbid);
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>(Endpoint.validate(this));
        HttpConfig.durations(problems, timeout);
        return problems;
    }
}
