package io.golive.probe.http;

import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Durations;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies that a protected endpoint refuses a request without credentials. The target's own headers
 * (its credentials) are not sent: only the check's headers, the low-privilege identity.
 */
public final class AuthProbe implements Probe<AuthConfig> {
    @Override
    public String kind() {
        return "auth";
    }

    @Override
    public Class<AuthConfig> configType() {
        return AuthConfig.class;
    }

    @Override
    public Observation run(AuthConfig c, ProbeContext context) {
        return Endpoint.guarded(() -> check(c, context));
    }

    private Observation check(AuthConfig c, ProbeContext context) {
        Endpoint full = Endpoint.of(c, context.targets());
        Endpoint e = new Endpoint(full.uri(), full.insecure(), full.trust(), c.headers());
        var timeout =
                HttpCalls.timeout(context, Optional.ofNullable(c.timeout()).map(Durations::parse));
        HttpRequest req = HttpCalls.request(e, Map.of(), timeout)
                .method(c.method(), HttpRequest.BodyPublishers.noBody())
                .build();
        HttpCalls.Result r = HttpCalls.send(e, req, context, context.baseDir());
        String sent = c.method() + " " + e.uri()
                + (c.headers().isEmpty()
                        ? " without credentials"
                        : " as " + HttpCalls.showHeaders(c.headers()).strip());
        if (r.failure().isPresent()) {
            return r.failure().get().withEvidence("request", sent);
        }
        int status = r.response().orElseThrow().statusCode();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        boolean refused = c.expectStatus().contains(status);
        String summary = refused
                ? "refused with " + status
                : "answered " + status + " where " + c.expectStatus() + " was expected: the endpoint is not protected";
        return new Observation(refused ? Status.PASS : Status.FAIL, summary, m, Map.of("request", sent));
    }
}
