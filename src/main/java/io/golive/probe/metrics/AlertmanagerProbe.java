package io.golive.probe.metrics;

import static java.util.Objects.requireNonNull;

import io.golive.probe.Observation;
import io.golive.probe.Observations;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.spec.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The {@code alertmanager} probe: reads Alertmanager's status, verifies a receiver is configured and
 * routed to, and sends a test alert that must reach it.
 */
public final class AlertmanagerProbe implements Probe<AlertmanagerConfig> {
    /** Kept back from the wait for the test alert, to resolve it and return before the deadline. */
    private static final Duration RESERVE = Duration.ofMillis(700);

    private final ApiClient client;
    private final Supplier<String> ids;

    /** The probe with the JVM-wide HTTP client and random test alert ids. */
    public AlertmanagerProbe() {
        this(ApiClient.shared(), () -> "golive-" + UUID.randomUUID());
    }

    AlertmanagerProbe(ApiClient client, Supplier<String> ids) {
        this.client = requireNonNull(client, "null client");
        this.ids = requireNonNull(ids, "null ids");
    }

    @Override
    public String kind() {
        return "alertmanager";
    }

    @Override
    public Class<AlertmanagerConfig> configType() {
        return AlertmanagerConfig.class;
    }

    @Override
    public Observation run(AlertmanagerConfig c, ProbeContext context) {
        requireNonNull(c, "null config");
        requireNonNull(context, "null context");
        ApiEndpoint endpoint;
        Optional<ApiEndpoint> record;
        try {
            endpoint = ApiEndpoint.of(c, context);
            record = Optional.ofNullable(c.deliveredUrl()).map(u -> ApiEndpoint.of(new Page(Optional.of(u)), context));
        } catch (IllegalArgumentException e) {
            return Observation.error(e.getMessage());
        }
        AlertmanagerApi api = new AlertmanagerApi(client, endpoint);
        JsonNode status;
        try {
            status = api.get("/api/v2/status", Map.of(), context.remaining());
        } catch (ApiException e) {
            return endpoint.masked(Observation.error(e.getMessage()));
        }
        Observation up = up(status);
        List<Observation> parts = new ArrayList<>();
        if (c.receiver() != null) {
            parts.add(ReceiverCheck.judge(
                    c.receiver(), status.path("config").path("original").asString("")));
        }
        if (c.sendTest()) {
            boolean ready = parts.stream().allMatch(p -> p.status() == Status.PASS);
            parts.add(ready ? sendTest(c, api, record, context) : notSent());
        }
        return endpoint.masked(parts.isEmpty() ? up : withVersion(Observations.combine(parts), up));
    }

    /** The verdict with Alertmanager's version and cluster status among its measurements. */
    private static Observation withVersion(Observation o, Observation up) {
        Map<String, Object> m = new LinkedHashMap<>(up.measurements());
        m.putAll(o.measurements());
        return new Observation(o.status(), o.summary(), m, o.evidence());
    }

    private static Observation up(JsonNode status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", status.path("versionInfo").path("version").asString(""));
        m.put("cluster", status.path("cluster").path("status").asString(""));
        return Observation.pass("Alertmanager " + m.get("version") + " up (cluster " + m.get("cluster") + ")", m);
    }

    private Observation sendTest(
            AlertmanagerConfig c, AlertmanagerApi api, Optional<ApiEndpoint> record, ProbeContext context) {
        Duration left = context.remaining().minus(RESERVE);
        Optional<Duration> own = Optional.ofNullable(c.timeout()).map(Durations::parse);
        Duration wait = own.filter(d -> d.compareTo(left) < 0).orElse(left);
        if (wait.isNegative() || wait.isZero()) {
            return Observation.error("no time left to send a test alert (raise the check's timeout)");
        }
        TestAlert alert = new TestAlert(api, context.clock(), context.deadline(), ids.get());
        Observation o = alert.run(Optional.ofNullable(c.receiver()), c.labels(), record, wait);
        if (o.status() != Status.PASS && own.isPresent() && own.get().compareTo(wait) > 0) {
            return new Observation(
                    o.status(),
                    o.summary() + " (the check's time limit cut the wait to " + wait.toMillis()
                            + " ms: raise the check's timeout to at least " + c.timeout() + ")",
                    o.measurements(),
                    o.evidence());
        }
        return o;
    }

    private static Observation notSent() {
        return new Observation(
                Status.ERROR,
                "test alert not sent: the receiver check did not pass",
                Map.of("routed", false),
                Map.of());
    }

    /** A bare page address, with no target and no headers of its own. */
    private record Page(Optional<String> url) implements ApiEndpoint.Fields {
        @Override
        public Optional<String> target() {
            return Optional.empty();
        }

        @Override
        public Map<String, String> headers() {
            return Map.of();
        }
    }
}
