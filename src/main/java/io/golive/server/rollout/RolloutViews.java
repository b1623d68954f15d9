package io.golive.server.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.rollout.Plan;
import io.golive.rollout.RolloutState;
import io.golive.rollout.Step;
import io.golive.rollout.Trigger;
import io.golive.server.store.LaunchStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Builds {@link RolloutView}s from a rollout's row, events, plan and lease. */
final class RolloutViews {
    private final RolloutRows rows;
    private final Leases leases;
    private final RolloutPlans plans;
    private final LaunchStore launches;
    private final Clock clock;

    RolloutViews(RolloutRows rows, Leases leases, RolloutPlans plans, LaunchStore launches, Clock clock) {
        this.rows = requireNonNull(rows, "null rows");
        this.leases = requireNonNull(leases, "null leases");
        this.plans = requireNonNull(plans, "null plans");
        this.launches = requireNonNull(launches, "null launches");
        this.clock = requireNonNull(clock, "null clock");
    }

    RolloutView view(RolloutRows.Row row) {
        Optional<Plan> plan = plans.cached(row.launchId(), row.version());
        Optional<RolloutState> state = row.state().map(s -> JdbcRolloutStore.read(row, rows.events(row.id())));
        List<Step> steps = plan.map(Plan::steps).orElse(List.of());
        int step = state.map(RolloutState::step).orElse(0);
        Duration healthy = state.map(RolloutState::healthy).orElse(Duration.ZERO);
        List<Map<String, Object>> events = state.map(RolloutState::events).orElse(List.of());
        Optional<String> problem = state.flatMap(RolloutState::chainProblem);
        long now = clock.millis();
        Optional<String> driver = leases.lease(row.id())
                .filter(l -> l.expiresAt() >= now && !row.finished())
                .map(Leases.Lease::holder);
        return new RolloutView(
                row.id(),
                row.launchId(),
                launches.launch(row.launchId()).map(LaunchStore.Launch::name).orElse(""),
                row.status(),
                steps,
                step,
                state.map(RolloutState::weight).orElse(0),
                healthy,
                holdLeft(steps, step, healthy, row.finished()),
                plan.map(Plan::interval).orElse(Duration.ZERO),
                row.decision(),
                row.forced(),
                row.startedBy(),
                Instant.ofEpochMilli(row.startedAt()),
                row.request().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)),
                driver,
                plan.map(p -> metrics(p, events)).orElse(List.of()),
                events,
                problem.isEmpty(),
                problem);
    }

    private static Optional<Duration> holdLeft(List<Step> steps, int step, Duration healthy, boolean finished) {
        if (finished || step >= steps.size()) {
            return Optional.empty();
        }
        Duration d = switch (steps.get(step)) {
            case Step.Hold h -> h.duration();
            case Step.Watch w -> w.duration();
            case Step.Weight w -> null;
        };
        if (d == null) {
            return Optional.empty();
        }
        Duration left = d.minus(healthy);
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    /** Each metric's readings from the {@code reading} events, with the triggers over it. */
    @SuppressWarnings("unchecked")
    static List<RolloutView.MetricReadings> metrics(Plan plan, List<Map<String, Object>> events) {
        List<RolloutView.MetricReadings> out = new ArrayList<>();
        plan.metrics().forEach((name, metric) -> {
            List<Trigger> triggers = plan.triggers().stream()
                    .filter(t -> t.metric().equals(name))
                    .toList();
            List<RolloutView.Point> points = new ArrayList<>();
            for (Map<String, Object> e : events) {
                if (!"reading".equals(e.get("type")) || !(e.get("metrics") instanceof Map<?, ?> all)) {
                    continue;
                }
                Object one = all.get(name);
                OptionalDouble v = one instanceof Map<?, ?> m && m.get("value") instanceof Number n
                        ? OptionalDouble.of(n.doubleValue())
                        : OptionalDouble.empty();
                int weight = e.get("weight") instanceof Number w ? w.intValue() : 0;
                points.add(new RolloutView.Point(Instant.parse(String.valueOf(e.get("at"))), v, weight));
            }
            out.add(new RolloutView.MetricReadings(name, metric.unit(), triggers, points));
        });
        return out;
    }
}
