package io.golive.probe.http;

import io.golive.probe.ProbeConfig;
import io.golive.probe.StatusCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code rateLimit:} check: up to {@code requests} requests within {@code within}; the limit must
 * answer {@code expectStatus} (429) before they run out.
 */
public record RateLimitConfig(
        Optional<String> url,
        Optional<String> target,
        String path,
        String method,
        Map<String, String> headers,
        Integer requests,
        String within,
        StatusCodes expectStatus,
        Boolean expectRetryAfter,
        Boolean insecure,
        String trust,
        String timeout)
        implements ProbeConfig, Endpoint.Fields {
    public RateLimitConfig {
        url = url == null ? Optional.empty() : url;
        target = target == null ? Optional.empty() : target;
        method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        requests = requests == null ? 100 : requests;
        within = within == null ? "10s" : within;
        expectStatus = expectStatus == null ? StatusCodes.of(429) : expectStatus;
        expectRetryAfter = expectRetryAfter != null && expectRetryAfter;
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>(Endpoint.validate(this));
        HttpConfig.durations(problems, within, timeout);
        if (requests < 1 || requests > 10_000) {
            problems.add("requests must be between 1 and 10000");
        }
        return problems;
    }
}
