package io.golive.probe.http;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Durations;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Sends requests one after another, paced over the window, until the rate limit answers. */
public final class RateLimitProbe implements Probe<RateLimitConfig> {
    @Override
    public String kind() {
        return "rateLimit";
    }

    @Override
    public Class<RateLimitConfig> configType() {
        return RateLimitConfig.class;
    }

    @Override
    public Observation run(RateLimitConfig c, ProbeContext context) {
        return Endpoint.guarded(() -> check(c, context));
    }

    private Observation check(RateLimitConfig c, ProbeContext context) {
        Endpoint e = Endpoint.of(c, context.targets());
        long windowNanos = Durations.parse(c.within()).toNanos();
        long pace = windowNanos / c.requests();
        long start = System.nanoTime();
        Map<Integer, Integer> statuses = new LinkedHashMap<>();
        for (int i = 1; i <= c.requests(); i++) {
            if (context.remaining().isZero()) {
                return Observation.error(
                        "deadline reached after " + (i - 1) + " requests without a " + c.expectStatus());
            }
            Duration timeout =
                    HttpCalls.timeout(context, Optional.ofNullable(c.timeout()).map(Durations::parse));
            HttpRequest req = HttpCalls.request(e, Map.of(), timeout)
                    .method(c.method(), HttpRequest.BodyPublishers.noBody())
                    .build();
            HttpCalls.Result r = HttpCalls.send(e, req, context, context.baseDir());
            if (r.failure().isPresent()) {
                return r.failure().get().withEvidence("request", c.method() + " " + e.uri() + " (request " + i + ")");
            }
            HttpResponse<byte[]> resp = r.response().orElseThrow();
            statuses.merge(resp.statusCode(), 1, Integer::sum);
            if (c.expectStatus().contains(resp.statusCode())) {
                return limited(c, e, i, resp, statuses);
            }
            sleepUntil(start + pace * i);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("limited", false);
        m.put("statuses", statuses);
        return new Observation(
                Status.FAIL,
                "no " + c.expectStatus() + " after " + c.requests() + " requests within " + c.within() + " (statuses "
                        + statuses + ")",
                m,
                Map.of("request", c.method() + " " + e.uri()));
    }

    private static Observation limited(
            RateLimitConfig c, Endpoint e, int at, HttpResponse<byte[]> resp, Map<Integer, Integer> statuses) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("limited", true);
        m.put("firstLimitedAt", at);
        m.put("statuses", statuses);
        Optional<String> retryAfter = resp.headers().firstValue("Retry-After");
        retryAfter.ifPresent(v -> m.put("retryAfter", v));
        if (c.expectRetryAfter() && retryAfter.isEmpty()) {
            return new Observation(
                    Status.FAIL,
                    c.expectStatus() + " at request " + at + " but without Retry-After",
                    m,
                    Map.of("request", c.method() + " " + e.uri()));
        }
        return new Observation(
                Status.PASS,
                "limited with " + c.expectStatus() + " at request " + at
                        + retryAfter.map(v -> ", Retry-After " + v).orElse(""),
                m,
                Map.of("request", c.method() + " " + e.uri()));
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
