package io.golive.probe.http;

import io.golive.checklist.ThresholdParser;
import io.golive.probe.ProbeConfig;
import io.golive.probe.StatusCodes;
import io.golive.spec.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An {@code http:} check: a request whose answer must have an expected status, body and latency.
 *
 * @param expectStatus the statuses accepted (default: any 2xx)
 * @param expectBody a regex the body must contain a match of
 * @param maxLatency the longest the answer may take ({@code 500ms}); else an inherited latency threshold
 */
public record HttpConfig(
        Optional<String> url,
        Optional<String> target,
        String path,
        String method,
        Map<String, String> headers,
        String body,
        StatusCodes expectStatus,
        String expectBody,
        String maxLatency,
        Boolean insecure,
        String trust,
        String timeout)
        implements ProbeConfig, Endpoint.Fields {
    public HttpConfig {
        url = url == null ? Optional.empty() : url;
        target = target == null ? Optional.empty() : target;
        method = method == null ? "GET" : method.toUpperCase(java.util.Locale.ROOT);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        expectStatus = expectStatus == null ? new StatusCodes(List.of("2xx")) : expectStatus;
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>(Endpoint.validate(this));
        durations(problems, maxLatency, timeout);
        if (expectBody != null) {
            try {
                Pattern.compile(expectBody);
            } catch (PatternSyntaxException e) {
                problems.add("expectBody is not a valid regex: " + e.getDescription());
            }
        }
        if (!List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS").contains(method)) {
            problems.add("unknown method " + method);
        }
        return problems;
    }

    static void durations(List<String> problems, String... values) {
        for (String v : values) {
            if (v != null) {
                try {
                    Durations.parse(v);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
    }

    static void threshold(List<String> problems, String expr) {
        if (expr != null) {
            try {
                ThresholdParser.parse(expr);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
    }
}
