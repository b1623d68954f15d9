package io.golive.server.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.ConflictException;
import io.golive.NotAllowedException;
import io.golive.NotFoundException;
import io.golive.gate.Decision;
import io.golive.gate.Evaluation;
import io.golive.rollout.Control;
import io.golive.rollout.Plan;
import io.golive.rollout.Step;
import io.golive.server.audit.AuditLog;
import io.golive.server.launch.LaunchView;
import io.golive.server.launch.LaunchViews;
import io.golive.server.store.LaunchStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts a launch's rollout (on GO, or forced past NO-GO by an admin), shows it, and leaves pause,
 * resume and abort requests for its guard; every change is audited. The guard itself runs on whichever
 * replica holds the rollout's lease ({@link RolloutDrivers}).
 */
public final class RolloutService {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RolloutRows rows;
    private final Leases leases;
    private final RolloutPlans plans;
    private final RolloutViews views;
    private final RolloutDrivers drivers;
    private final LaunchViews launchViews;
    private final LaunchStore launches;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    RolloutService(
            RolloutRows rows,
            Leases leases,
            RolloutPlans plans,
            RolloutViews views,
            RolloutDrivers drivers,
            LaunchViews launchViews,
            LaunchStore launches,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock) {
        this.rows = requireNonNull(rows, "null rows");
        this.leases = requireNonNull(leases, "null leases");
        this.plans = requireNonNull(plans, "null plans");
        this.views = requireNonNull(views, "null views");
        this.drivers = requireNonNull(drivers, "null drivers");
        this.launchViews = requireNonNull(launchViews, "null launchViews");
        this.launches = requireNonNull(launches, "null launches");
        this.audit = requireNonNull(audit, "null audit");
        this.tx = requireNonNull(tx, "null tx");
        this.clock = requireNonNull(clock, "null clock");
    }

    /**
     * Starts the launch's rollout from its current version's {@code rollout:}. 409 while one runs or
     * when the launch is not GO (unless {@code force}, which only an admin may ask: 403 otherwise).
     */
    public RolloutView start(String user, boolean admin, long launchId, boolean force) {
        if (force && !admin) {
            throw new NotAllowedException("only an admin may force a rollout past the gate's decision");
        }
        LaunchView launch = launchViews.build(launchId);
        Evaluation gate = launch.evaluation();
        if (gate.decision() != Decision.GO && !force) {
            throw new ConflictException("launch " + launchId + " is " + gate.decision() + "; the rollout starts on GO ("
                    + String.join(
                            "; ",
                            gate.reasons().subList(0, Math.min(3, gate.reasons().size())))
                    + "); an admin may start it anyway with {\"force\": true}, recorded");
        }
        int version = launch.parsed().version().version();
        Plan plan = plans.plan(launchId, version);
        boolean forced = gate.decision() != Decision.GO;
        long id = tx.execute(t -> {
            launches.lock(launchId).orElseThrow(() -> new NotFoundException("no launch " + launchId));
            Optional<RolloutRows.Row> current = rows.latest(launchId).filter(r -> !r.finished());
            if (current.isPresent()) {
                throw new ConflictException("launch " + launchId + " has a rollout "
                        + current.get().status() + " (rollout " + current.get().id() + "); pause, resume or abort it");
            }
            long now = clock.millis();
            long r = rows.create(launchId, version, gate.decision().name(), forced, user, now);
            leases.create(r, drivers.instance(), now, RolloutDrivers.ttlMs(plan));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("decision", gate.decision().name());
            after.put("forced", forced);
            after.put("version", version);
            after.put("steps", plan.steps().stream().map(Step::toJson).toList());
            audit.append(
                    user, "rollout.start", Optional.of(launchId), "rollout " + r, "", JSON.writeValueAsString(after));
            return r;
        });
        drivers.drive(id, Optional.of(plan));
        return views.view(rows.row(id).orElseThrow());
    }

    /** The launch's newest rollout; 404 when it has none. */
    public RolloutView view(long launchId) {
        return views.view(latest(launchId));
    }

    /** The newest rollout of the launch, if any (for pages that show "no rollout yet"). */
    public Optional<RolloutView> find(long launchId) {
        launches.launch(launchId).orElseThrow(() -> new NotFoundException("no launch " + launchId));
        return rows.latest(launchId).map(views::view);
    }

    /** Leaves a pause, resume or abort for the guard, which acts on it at its next reading (within an interval). */
    public RolloutView request(String user, long launchId, Control.Request request) {
        String word = request.name().toLowerCase(Locale.ROOT);
        RolloutRows.Row row = tx.execute(t -> {
            launches.lock(launchId).orElseThrow(() -> new NotFoundException("no launch " + launchId));
            RolloutRows.Row r = latest(launchId);
            if (r.finished()) {
                throw new ConflictException("the rollout is already " + r.status() + "; nothing to " + word);
            }
            rows.request(r.id(), request);
            audit.append(user, "rollout." + word, Optional.of(launchId), "rollout " + r.id(), r.status(), word);
            return r;
        });
        return views.view(rows.row(row.id()).orElseThrow());
    }

    /** The actions {@code POST .../rollout/{action}} accepts. */
    public static List<String> actions() {
        return List.of("pause", "resume", "abort");
    }

    private RolloutRows.Row latest(long launchId) {
        launches.launch(launchId).orElseThrow(() -> new NotFoundException("no launch " + launchId));
        return rows.latest(launchId)
                .orElseThrow(() -> new NotFoundException("launch " + launchId + " has no rollout (POST to start one)"));
    }
}
