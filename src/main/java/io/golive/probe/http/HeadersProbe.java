package io.golive.probe.http;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Durations;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a response's security headers against the OWASP baseline or a given list. */
public final class HeadersProbe implements Probe<HeadersConfig> {
    /** A Server header that gives a version away: "nginx/1.22.1", "Apache/2.4.57 (Debian)". */
    private static final Pattern VERSIONED = Pattern.compile(".*/\\s*\\d.*");

    @Override
    public String kind() {
        return "headers";
    }

    @Override
    public Class<HeadersConfig> configType() {
        return HeadersConfig.class;
    }

    @Override
    public Observation run(HeadersConfig c, ProbeContext context) {
        return Endpoint.guarded(() -> check(c, context));
    }

    private Observation check(HeadersConfig c, ProbeContext context) {
        Endpoint e = Endpoint.of(c, context.targets());
        var timeout =
                HttpCalls.timeout(context, Optional.ofNullable(c.timeout()).map(Durations::parse));
        HttpCalls.Result r =
                HttpCalls.send(e, HttpCalls.request(e, Map.of(), timeout).GET().build(), context, context.baseDir());
        if (r.failure().isPresent()) {
            return r.failure().get().withEvidence("request", "GET " + e.uri());
        }
        HttpHeaders h = r.response().orElseThrow().headers();
        List<String> missing = missing(c.require(), h);
        List<String> present = present(c.forbid(), h);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("missing", missing);
        m.put("present", present);
        boolean ok = missing.isEmpty() && present.isEmpty();
        String summary = ok
                ? "all " + c.require().size() + " required headers present, none forbidden"
                : (missing.isEmpty() ? "" : "missing " + String.join(", ", missing))
                        + (missing.isEmpty() || present.isEmpty() ? "" : "; ")
                        + (present.isEmpty() ? "" : "forbidden " + String.join(", ", present));
        return new Observation(ok ? Status.PASS : Status.FAIL, summary, m, Map.of())
                .withEvidence("request", "GET " + e.uri());
    }

    private static List<String> missing(List<String> required, HttpHeaders h) {
        List<String> out = new ArrayList<>();
        for (String name : required) {
            boolean has = h.firstValue(name).isPresent();
            if (!has && name.equalsIgnoreCase("X-Frame-Options")) {
                has = h.firstValue("Content-Security-Policy")
                        .map(v -> v.toLowerCase(Locale.ROOT).contains("frame-ancestors"))
                        .orElse(false);
            }
            if (!has) {
                out.add(name);
            }
        }
        return out;
    }

    private static List<String> present(List<String> forbidden, HttpHeaders h) {
        List<String> out = new ArrayList<>();
        for (String name : forbidden) {
            if (name.equalsIgnoreCase("Server-Version")) {
                h.firstValue("Server")
                        .filter(v -> VERSIONED.matcher(v).matches())
                        .ifPresent(v -> out.add("Server: " + v));
            } else if (h.firstValue(name).isPresent()) {
                out.add(name);
            }
        }
        return out;
    }
}
