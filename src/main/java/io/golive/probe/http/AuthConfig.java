package io.golive.probe.http;

import io.golive.probe.ProbeConfig;
import io.golive.probe.StatusCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code auth:} check: a request without credentials, or with the low-privilege identity in
 * {@code headers}, must be refused with one of {@code expectStatus} (401, 403).
 */
public record AuthConfig(
        Optional<String> url,
        Optional<String> target,
        String path,
        String method,
        Map<String, String> headers,
        StatusCodes expectStatus,
        Boolean insecure,
        String trust,
        String timeout)
        implements ProbeConfig, Endpoint.Fields {
    public AuthConfig {
        url = url == null ? Optional.empty() : url;
        target = target == null ? Optional.empty() : target;
        method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        expectStatus = expectStatus == null ? StatusCodes.of(401, 403) : expectStatus;
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>(Endpoint.validate(this));
        HttpConfig.durations(problems, timeout);
        return problems;
    }
}
