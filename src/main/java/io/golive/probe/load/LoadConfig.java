package io.golive.probe.load;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.load.LoadMetrics;
import io.golive.load.Rates;
import io.golive.probe.ProbeConfig;
import io.golive.probe.http.Endpoint;
import io.golive.spec.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A {@code load:} check: HTTP load offered to one address by golive's load engine, judged by latency,
 * error and rate thresholds.
 *
 * @param rate the open model's arrival rate ({@code 1000/s}); or
 * @param users the closed model's users; when neither is given, the item's "1000 concurrent users" or
 *     "1000 req/s" decides
 * @param duration how long the load runs (default 5s); the check's time limit must leave room for it
 * @param ramp the first part of the duration over which the load grows from zero
 * @param expect thresholds ({@code p95 < 500ms}, {@code errors < 0.1%}, {@code rate >= 1000/s}); the
 *     bound item's thresholds a load test measures when absent; {@code error rate < 1%} when neither
 * @param trust a PEM file of the CA certificates an {@code https} target's certificate is checked
 *     against (relative to the spec), as for the http probes; also read from the target
 * @param allowRemote whether an address other than loopback may be loaded (the spec's author consents)
 */
public record LoadConfig(
        Optional<String> url,
        Optional<String> target,
        String path,
        String method,
        Map<String, String> headers,
        String body,
        String rate,
        Integer users,
        String duration,
        String ramp,

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> expect,

        Boolean insecure,
        String trust,
        Boolean allowRemote)
        implements ProbeConfig, Endpoint.Fields {
    /** The duration when none is given: short enough for a check's default 10 s limit. */
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(5);

    public LoadConfig {
        url = url == null ? Optional.empty() : url;
        target = target == null ? Optional.empty() : target;
        method = method == null ? "GET" : method.strip().toUpperCase(Locale.ROOT);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        expect = expect == null ? List.of() : List.copyOf(expect);
        allowRemote = allowRemote != null && allowRemote;
    }

    @Override
    public List<String> validate() {
        List<String> problems = new ArrayList<>(Endpoint.validate(this));
        if (rate != null && users != null) {
            problems.add("give rate (open model) or users (closed model), not both");
        }
        if (rate != null) {
            try {
                Rates.parse(rate);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        if (users != null && users < 1) {
            problems.add("users must be at least 1, not " + users);
        }
        for (String d : new String[] {duration, ramp}) {
            if (d != null) {
                try {
                    Durations.parse(d);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        if (rampValue().compareTo(durationValue()) > 0) {
            problems.add("ramp " + ramp + " is longer than the duration");
        }
        for (String e : expect) {
            problems.addAll(problemOf(e));
        }
        return problems;
    }

    /** The thresholds of {@code expect}, parsed (call after {@link #validate()} found none wrong). */
    List<Threshold> expectations() {
        return expect.stream().map(ThresholdParser::parse).toList();
    }

    Duration durationValue() {
        return parsedOr(duration, DEFAULT_DURATION);
    }

    Duration rampValue() {
        return parsedOr(ramp, Duration.ZERO);
    }

    OptionalDouble rateValue() {
        return rate == null ? OptionalDouble.empty() : OptionalDouble.of(Rates.parse(rate));
    }

    OptionalInt usersValue() {
        return users == null ? OptionalInt.empty() : OptionalInt.of(users);
    }

    private static Duration parsedOr(String text, Duration absent) {
        if (text == null) {
            return absent;
        }
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            return absent; // validate() reports it
        }
    }

    private static List<String> problemOf(String expression) {
        try {
            if (!LoadMetrics.measures(ThresholdParser.parse(expression))) {
                return List.of("expect '" + expression + "': a load test does not measure this (use p50, p90,"
                        + " p95, p99, max, mean in ms or s; errors or error rate in %; rate in req/s; users)");
            }
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of("expect '" + expression + "': " + e.getMessage());
        }
    }
}
