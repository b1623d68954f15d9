package io.golive.probe.load;

import io.golive.checklist.Op;
import io.golive.checklist.Threshold;
import io.golive.checklist.ThresholdParser;
import io.golive.load.LoadMetrics;
import io.golive.load.LoadModel;
import io.golive.load.LoadPlan;
import io.golive.load.LoadRequest;
import io.golive.probe.http.Endpoint;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code load} check will do, decided from its configuration and the bound item's thresholds:
 * the thresholds it is judged by, where they came from, and how load is offered.
 *
 * @param thresholds what the result must meet
 * @param source the thresholds and where each came from, for evidence
 * @param model the rate or users, given or read from the item
 */
record LoadSetup(List<Threshold> thresholds, String source, LoadModel model) {
    /** The error limit of a check whose thresholds name none. */
    static final Threshold DEFAULT = ThresholdParser.parse("error rate < 1%");

    /**
     * A rate read from the item ("rate >= 1000/s") is offered this much higher, so a target that keeps
     * up meets it although requests still in flight at the end do not count as finished.
     */
    static final double RATE_HEADROOM = 1.05;

    /** The setup, or empty when neither the check nor its item says how much load to offer. */
    static Optional<LoadSetup> of(LoadConfig c, List<Threshold> inherited) {
        List<Threshold> own = c.expectations();
        List<Threshold> fromItem =
                inherited.stream().filter(LoadMetrics::measures).toList();
        List<Threshold> chosen = !own.isEmpty() ? own : fromItem;
        String source = shown(chosen) + (!own.isEmpty() ? " (from expect)" : " (from the item)");
        List<Threshold> thresholds = chosen;
        // Answers that are errors always count: a test whose every request fails passes nothing.
        if (chosen.stream().noneMatch(LoadSetup::judgesErrors)) {
            thresholds = java.util.stream.Stream.concat(chosen.stream(), java.util.stream.Stream.of(DEFAULT))
                    .toList();
            source = (chosen.isEmpty() ? "" : source + ", ") + shown(List.of(DEFAULT)) + " (errors always count)";
        }
        // The item sizes the load even when the check's own expect judges it.
        List<Threshold> sizing = java.util.stream.Stream.concat(thresholds.stream(), inherited.stream())
                .toList();
        List<Threshold> judged = thresholds;
        String described = source;
        return model(c, sizing).map(m -> new LoadSetup(judged, described, m));
    }

    private static String shown(List<Threshold> thresholds) {
        return thresholds.stream()
                .map(t -> t.metric().map(m -> m + " ").orElse("") + t.expression())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Whether a threshold limits errors (or successes): "errors < 0.1%", "availability >= 99.9%", "< 1%". */
    static boolean judgesErrors(Threshold t) {
        String metric = t.metric().orElse("").toLowerCase(java.util.Locale.ROOT);
        return metric.matches(".*(error|fail|success|availability).*")
                || metric.isEmpty() && t.unit().filter("%"::equals).isPresent();
    }

    private static Optional<LoadModel> model(LoadConfig c, List<Threshold> thresholds) {
        if (c.rateValue().isPresent()) {
            return Optional.of(new LoadModel.Open(c.rateValue().getAsDouble()));
        }
        if (c.usersValue().isPresent()) {
            return Optional.of(new LoadModel.Closed(c.usersValue().getAsInt(), Duration.ZERO));
        }
        for (Threshold t : thresholds) {
            if (t.op() != Op.GE && t.op() != Op.GT) {
                continue;
            }
            String unit = t.unit().orElse("");
            if (unit.equals("users")) {
                int users = (int) Math.ceil(t.value()) + (t.op() == Op.GT ? 1 : 0);
                return Optional.of(new LoadModel.Closed(users, Duration.ZERO));
            }
            if (unit.equals("req/s")) {
                return Optional.of(new LoadModel.Open(t.value() * RATE_HEADROOM));
            }
        }
        return Optional.empty();
    }

    /** The engine's plan for this setup against one endpoint, lasting {@code duration}. */
    LoadPlan plan(LoadConfig c, Endpoint e, Duration duration) {
        LoadRequest request = new LoadRequest(e.uri(), c.method(), e.headers(), c.body(), 1);
        return new LoadPlan(
                List.of(request),
                model,
                duration,
                c.rampValue(),
                0,
                LoadPlan.DEFAULT_TIMEOUT.compareTo(duration) < 0 ? LoadPlan.DEFAULT_TIMEOUT : duration,
                c.allowRemote(),
                e.insecure(),
                // A verdict already certain ends the load: no point hammering a target that fails it.
                thresholds);
    }
}
