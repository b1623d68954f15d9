package io.golive.probe.load;

import io.golive.GoliveException;
import io.golive.InputException;
import io.golive.checklist.Units;
import io.golive.load.LoadPlan;
import io.golive.load.LoadResult;
import io.golive.load.LoadTest;
import io.golive.load.Progress;
import io.golive.load.ProgressListener;
import io.golive.load.ThresholdResult;
import io.golive.probe.Observation;
import io.golive.probe.Probe;
import io.golive.probe.ProbeContext;
import io.golive.probe.Status;
import io.golive.probe.TrustStores;
import io.golive.probe.http.Endpoint;
import io.golive.spec.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs golive's load engine against one address inside {@code golive check}, within the check's time
 * limit, and judges the result by the check's thresholds or those its item states.
 */
public final class LoadProbe implements Probe<LoadConfig> {
    /** Time the engine needs past the load's duration to stop its loops and gather the result. */
    static final Duration STOP_MARGIN = Duration.ofMillis(300);

    private static final System.Logger LOG = System.getLogger(LoadProbe.class.getName());
    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    @Override
    public String kind() {
        return "load";
    }

    @Override
    public Class<LoadConfig> configType() {
        return LoadConfig.class;
    }

    @Override
    public Observation run(LoadConfig c, ProbeContext context) {
        Endpoint e;
        try {
            e = Endpoint.of(c, context.targets());
        } catch (IllegalArgumentException ex) {
            return Observation.error(ex.getMessage());
        }
        String request = c.method() + " " + e.uri();
        Optional<LoadSetup> setup = LoadSetup.of(c, context.inherited());
        if (setup.isEmpty()) {
            return Observation.error("give rate or users: neither the check nor its item says how much load to"
                            + " offer (an item such as \"Test with 1000 concurrent users\" does)")
                    .withEvidence("request", request);
        }
        Duration duration = c.durationValue();
        Duration left = context.remaining().minus(STOP_MARGIN);
        if (left.compareTo(duration) < 0) {
            return Observation.error(String.format(
                            Locale.ROOT,
                            "the check's time limit leaves %.1f s, the load runs %s: give the check timeout: %ds",
                            context.remaining().toMillis() / 1000.0,
                            Durations.format(duration),
                            duration.plusSeconds(5).toSeconds()))
                    .withEvidence("request", request);
        }
        LoadPlan plan = setup.get().plan(c, e, duration);
        if (e.trust().isPresent() && !e.insecure()) {
            Path pem = context.baseDir().resolve(e.trust().get());
            try {
                plan = plan.withTrust(TrustStores.x509(pem));
            } catch (IOException | GeneralSecurityException ex) {
                return Observation.error("trust " + e.trust().get() + ": not a readable PEM file of certificates")
                        .withEvidence("request", request);
            }
        }
        LoadResult result;
        try {
            result = LoadTest.run(plan, context.clock(), progress(request));
        } catch (InputException ex) {
            return Observation.error(remoteHint(ex.getMessage())).withEvidence("request", request);
        } catch (GoliveException ex) {
            return Observation.error(ex.getMessage()).withEvidence("request", request);
        }
        return judge(setup.get(), plan, result).withEvidence("request", request);
    }

    private static Observation judge(LoadSetup setup, LoadPlan plan, LoadResult r) {
        String load = r.model() + " for " + seconds(r.elapsed())
                + r.abortedBy()
                        .map(t -> ", stopped early: " + t + " can no longer be met")
                        .orElse("");
        if (r.latency().count() == 0) {
            return new Observation(Status.ERROR, noData(r), r.measurements(), evidence(setup, r, List.of()));
        }
        List<ThresholdResult> verdicts = r.evaluate(setup.thresholds());
        List<ThresholdResult> unmet = verdicts.stream().filter(v -> !v.met()).toList();
        String figures = String.format(
                Locale.ROOT,
                "%,d requests at %.1f/s, %,d errors, p95 %.1f ms (%s)",
                r.requests(),
                r.rate(),
                r.errors(),
                r.latency().p95(),
                load);
        String verdict = (unmet.isEmpty() ? verdicts : unmet)
                .stream().map(LoadProbe::describe).collect(Collectors.joining("; "));
        // A pass under a limiting generator still holds (its latencies are upper bounds); a failure may not.
        String limited =
                r.generatorLimited() && !unmet.isEmpty() ? "; inconclusive: " + String.join("; ", r.warnings()) : "";
        Map<String, Object> measurements = new LinkedHashMap<>(r.measurements());
        measurements.put("users", r.connections());
        measurements.put("durationMs", r.elapsed().toMillis());
        return new Observation(
                unmet.isEmpty() ? Status.PASS : Status.FAIL,
                verdict + " — " + figures + limited,
                measurements,
                evidence(setup, r, verdicts));
    }

    private static String noData(LoadResult r) {
        Map<String, Long> kinds = r.errorKinds();
        // The warnings say why, e.g. a certificate that is not trusted.
        String why = r.warnings().isEmpty() ? "" : ": " + String.join("; ", r.warnings());
        return String.format(
                Locale.ROOT,
                "no data: no request was answered in %s%s (%,d failed: %,d could not connect, %,d timed out;"
                        + " %,d still in flight when it ended)%s",
                seconds(r.elapsed()),
                r.abortedBy().isPresent() ? ", stopped early" : "",
                r.requests(),
                kinds.getOrDefault("connect", 0L),
                kinds.getOrDefault("timeout", 0L),
                r.inFlightAtEnd(),
                why);
    }

    private static String describe(ThresholdResult v) {
        String unit = v.threshold().unit().orElse("");
        String actual = v.actual().isPresent()
                ? Units.format(Math.round(v.actual().getAsDouble() * 10) / 10.0, unit)
                : "no value (" + v.note() + ")";
        String name = v.threshold().metric().orElse("");
        return (name.isEmpty() ? "" : name + " ")
                + actual
                + (v.met() ? " meets " : " does not meet ")
                + v.threshold().expression();
    }

    private static Map<String, String> evidence(LoadSetup setup, LoadResult r, List<ThresholdResult> verdicts) {
        Map<String, String> ev = new LinkedHashMap<>();
        ev.put("load", r.model() + ", " + r.connections() + " connections, " + seconds(r.elapsed()));
        ev.put("thresholds", setup.source());
        if (!verdicts.isEmpty()) {
            ev.put("verdicts", verdicts.stream().map(LoadProbe::describe).collect(Collectors.joining("; ")));
        }
        ev.put("status", r.status().isEmpty() ? "none" : r.status().toString());
        ev.put("errors", r.errorKinds().toString());
        if (!r.warnings().isEmpty()) {
            ev.put("warnings", String.join("; ", r.warnings()));
        }
        return ev;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** The engine names the command line's flag; a check consents in the spec. */
    private static String remoteHint(String message) {
        return message.replace(
                "(pass --allow-remote to load a remote target)",
                "(set allowRemote: true on the check to" + " load a remote target)");
    }

    /** Logs the load's progress every few seconds, so a long check shows it is running. */
    private static ProgressListener progress(String request) {
        long[] last = {System.nanoTime()};
        return p -> {
            long now = System.nanoTime();
            if (now - last[0] >= PROGRESS_EVERY_NANOS) {
                last[0] = now;
                LOG.log(System.Logger.Level.INFO, () -> line(request, p));
            }
        };
    }

    private static String line(String request, Progress p) {
        return String.format(
                Locale.ROOT,
                "load %s: %.0fs/%ds, %,d requests, %,.0f/s, %,d errors, p99 %.1f ms",
                request,
                p.elapsed().toMillis() / 1000.0,
                p.duration().toSeconds(),
                p.requests(),
                p.rate(),
                p.errors(),
                p.p99());
    }
}
