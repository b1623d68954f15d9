package io.golive.probe.http;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Durations;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Sends a preflight and a simple request from a foreign origin; neither may be let in. */
public final class CorsProbe implements Probe<CorsConfig> {
    @Override
    public String kind() {
        return "cors";
    }

    @Override
    public Class<CorsConfig> configType() {
        return CorsConfig.class;
    }

    @Override
    public Observation run(CorsConfig c, ProbeContext context) {
        return Endpoint.guarded(() -> check(c, context));
    }

    private Observation check(CorsConfig c, ProbeContext context) {
        Endpoint e = Endpoint.of(c, context.targets());
        var timeout =
                HttpCalls.timeout(context, Optional.ofNullable(c.timeout()).map(Durations::parse));
        HttpRequest preflight = HttpCalls.request(
                        e, Map.of("Origin", c.probeOrigin(), "Access-Control-Request-Method", "POST"), timeout)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpRequest simple = HttpCalls.request(e, Map.of("Origin", c.probeOrigin()), timeout)
                .GET()
                .build();
        Map<String, Object> m = new LinkedHashMap<>();
        String problem = "";
        for (HttpRequest req : new HttpRequest[] {preflight, simple}) {
            HttpCalls.Result r = HttpCalls.send(e, req, context, context.baseDir());
            if (r.failure().isPresent()) {
                return r.failure()
                        .get()
                        .withEvidence("request", req.method() + " " + e.uri() + " Origin: " + c.probeOrigin());
            }
            HttpHeaders h = r.response().orElseThrow().headers();
            String allowed = h.firstValue("Access-Control-Allow-Origin").orElse("");
            boolean credentials = h.firstValue("Access-Control-Allow-Credentials")
                    .map("true"::equalsIgnoreCase)
                    .orElse(false);
            m.putIfAbsent("reflectedOrigin", allowed.isEmpty() ? null : allowed);
            m.put("allowCredentials", credentials || Boolean.TRUE.equals(m.get("allowCredentials")));
            if (problem.isEmpty()) {
                problem = problem(c, allowed, credentials, req.method());
            }
        }
        return new Observation(
                problem.isEmpty() ? Status.PASS : Status.FAIL,
                problem.isEmpty() ? "foreign origin " + c.probeOrigin() + " is not let in" : problem,
                m,
                Map.of("request", "OPTIONS and GET " + e.uri() + " Origin: " + c.probeOrigin()));
    }

    private static String problem(CorsConfig c, String allowed, boolean credentials, String method) {
        if (allowed.equals("*") && credentials) {
            return method + ": Access-Control-Allow-Origin * with credentials";
        }
        if (allowed.equals(c.probeOrigin()) && !c.allowedOrigins().contains(c.probeOrigin())) {
            return method + ": the foreign origin " + c.probeOrigin() + " is reflected"
                    + (credentials ? " with credentials" : "");
        }
        return "";
    }
}
