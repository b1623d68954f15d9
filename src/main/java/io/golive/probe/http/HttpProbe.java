package io.golive.probe.http;

import io.golive.checklist.Threshold;
import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Durations;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sends one request and judges the answer's status, body and latency. */
public final class HttpProbe implements Probe<HttpConfig> {
    @Override
    public String kind() {
        return "http";
    }

    @Override
    public Class<HttpConfig> configType() {
        return HttpConfig.class;
    }

    @Override
    public Observation run(HttpConfig c, ProbeContext context) {
        return Endpoint.guarded(() -> check(c, context));
    }

    private Observation check(HttpConfig c, ProbeContext context) {
        Endpoint e = Endpoint.of(c, context.targets());
        var timeout =
                HttpCalls.timeout(context, Optional.ofNullable(c.timeout()).map(Durations::parse));
        HttpRequest.BodyPublisher body =
                c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(c.body());
        HttpRequest request =
                HttpCalls.request(e, Map.of(), timeout).method(c.method(), body).build();
        HttpCalls.Result r = HttpCalls.send(e, request, context, context.baseDir());
        String sent = c.method() + " " + e.uri();
        if (r.failure().isPresent()) {
            return r.failure().get().withEvidence("request", sent);
        }
        HttpResponse<byte[]> response = r.response().orElseThrow();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", response.statusCode());
        m.put("latencyMs", r.latencyMs());
        String verdict = verdict(c, response.statusCode(), r.body(), r.latencyMs(), context.inherited());
        Observation o = new Observation(
                verdict.isEmpty() ? Status.PASS : Status.FAIL,
                (verdict.isEmpty() ? "" : verdict + "; ") + response.statusCode() + " in " + r.latencyMs() + " ms",
                m,
                Map.of());
        return o.withEvidence(
                        "request",
                        sent + " " + HttpCalls.showHeaders(e.headers()).strip())
                .withEvidence("response", response.statusCode() + " " + snippet(r.body()));
    }

    private static String verdict(HttpConfig c, int status, String body, long ms, List<Threshold> inherited) {
        if (!c.expectStatus().contains(status)) {
            return "status " + status + ", expected " + c.expectStatus();
        }
        if (c.expectBody() != null
                && !Pattern.compile(c.expectBody()).matcher(body).find()) {
            return "body does not match /" + c.expectBody() + "/";
        }
        if (c.maxLatency() != null && ms > Durations.parse(c.maxLatency()).toMillis()) {
            return "took " + ms + " ms, more than " + c.maxLatency();
        }
        for (Threshold t : latencyThresholds(inherited)) {
            if (!t.test(ms, "ms").orElse(true)) {
                return "latency " + ms + " ms does not meet " + t.expression() + " (from the item)";
            }
        }
        return "";
    }

    /** Inherited thresholds that speak of latency: a latency-like metric, or none with a time unit. */
    static List<Threshold> latencyThresholds(List<Threshold> inherited) {
        return inherited.stream()
                .filter(t -> t.unit().filter(io.golive.checklist.Units::isTime).isPresent())
                .filter(t -> t.metric()
                        .map(m -> m.toLowerCase(Locale.ROOT))
                        .map(m -> m.matches(".*(latency|p\\d\\d|response|duration|time).*"))
                        .orElse(true))
                .toList();
    }

    private static String snippet(String body) {
        String s = body.replaceAll("\\s+", " ").strip();
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
