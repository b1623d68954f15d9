package io.golive.probe.http;

import io.golive.probe.ProbeConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code cors:} check: a foreign origin must not be let in.
 *
 * @param allowedOrigins origins that may be reflected
 * @param probeOrigin the foreign origin sent (default https://evil.example)
 */
public record CorsConfig(
        Optional<String> url,
        Optional<String> target,
        String path,
        Map<String, String> headers,
        List<String> allowedOrigins,
        String probeOrigin,
        Boolean insecure,
        String trust,
        String timeout)
        implements ProbeConfig, Endpoint.Fields {
    public CorsConfig {
        url = url == null ? Optional.empty() : url;
        target = target == null ? Optional.empty() : target;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        probeOrigin = probeOrigin == null ? "https://evil.example" : probeOrigin;
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>(Endpoint.validate(this));
        HttpConfig.durations(problems, timeout);
        return problems;
    }
}
