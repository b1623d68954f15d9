package io.golive.probe.metrics;

import static java.util.Objects.requireNonNull;

import io.golive.probe.Observation;
import io.golive.probe.Observations;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.spec.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code prometheus} probe: runs a PromQL query (instant, or over a window) against a threshold in
 * base units, and verifies that a named rule is loaded and healthy.
 */
public final class PrometheusProbe implements Probe<PrometheusConfig> {
    private final ApiClient client;

    /** The probe with the JVM-wide HTTP client. */
    public PrometheusProbe() {
        this(ApiClient.shared());
    }

    PrometheusProbe(ApiClient client) {
        this.client = requireNonNull(client, "null client");
    }

    @Override
    public String kind() {
        return "prometheus";
    }

    @Override
    public Class<PrometheusConfig> configType() {
        return PrometheusConfig.class;
    }

    @Override
    public Observation run(PrometheusConfig c, ProbeContext context) {
        requireNonNull(c, "null config");
        requireNonNull(context, "null context");
        ApiEndpoint endpoint;
        Optional<Expectation> expect;
        try {
            endpoint = ApiEndpoint.of(c, context);
            expect = c.query() == null
                    ? Optional.empty()
                    : Expectation.resolve(c.expect(), context.inherited(), c.scale());
        } catch (IllegalArgumentException e) {
            return Observation.error(e.getMessage());
        }
        PrometheusApi api = new PrometheusApi(client, endpoint);
        List<Observation> parts = new ArrayList<>();
        if (c.query() != null) {
            Observation o = c.over() == null
                    ? InstantCheck.run(api, c.query(), expect, context.remaining())
                    : new RangeCheck(Durations.parse(c.over()), Durations.parse(c.step()))
                            .run(api, c.query(), expect, context.clock().instant(), context.remaining());
            parts.add(withActual(o, expect, c.over() == null ? "value" : "worst"));
        }
        if (c.rule() != null) {
            parts.add(RuleCheck.run(api, c.rule(), context.remaining()));
        }
        return endpoint.masked(parts.size() == 1 ? parts.getFirst() : Observations.combine(parts));
    }

    /** The value compared (the worst series or sample) in the threshold's unit, for a criterion's actual. */
    private static Observation withActual(Observation o, Optional<Expectation> expect, String measurement) {
        if (expect.isEmpty()
                || !(o.measurements().get(measurement) instanceof Number n)
                || Double.isNaN(n.doubleValue())) {
            return o;
        }
        Expectation e = expect.get();
        return o.withActual(e.inThresholdUnit(n.doubleValue()), e.threshold().unit());
    }
}
