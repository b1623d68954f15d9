package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import io.golive.rollout.RolloutState.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The launch-day guard: walks the plan's steps, moving traffic, and during each hold and watch reads
 * every metric once per interval, counts only healthy watched time, fires triggers and rolls back.
 * The state is saved after every reading and action, so a guard started again on it carries on.
 */
public final class Guard {
    /** How a run of the guard ended. */
    public enum Outcome {
        COMPLETED,
        ROLLED_BACK,
        STOPPED
    }

    /**
     * Waits until an instant, and for the readings; tests advance a fake clock instead. A sleeper that
     * can be stopped ({@link StopSignal}) ends both waits as an interruption would.
     */
    @FunctionalInterface
    public interface Sleeper {
        void sleepUntil(Instant t) throws InterruptedException;

        /** Waits at most {@code nanos} for a reading. */
        default <T> T await(Future<T> f, long nanos) throws InterruptedException, ExecutionException, TimeoutException {
            return f.get(nanos, TimeUnit.NANOSECONDS);
        }

        /** Sleeps on the given clock. */
        static Sleeper of(Clock clock) {
            return t -> {
                long ms = Duration.between(clock.instant(), t).toMillis();
                if (ms > 0) {
                    Thread.sleep(ms);
                }
            };
        }
    }

    /** Hears every event as it is recorded, and every reading. */
    public interface Listener {
        void event(Map<String, Object> event, RolloutState state);

        default void reading(RolloutState state, Map<String, Reading> readings) {}
    }

    /**
     * Why the rollout may start: the gate's decision, and whether {@code --force} overrode a NO-GO.
     */
    public record Start(String decision, boolean forced) {
        public Start {
            requireNonNull(decision, "null decision");
        }

        /** A guard carrying on a saved rollout: the gate is not decided again. */
        public static Start carryingOn() {
            return new Start("not decided again: carrying on the rollout started before", false);
        }
    }

    private final Plan plan;
    private final RolloutStore store;
    private final Requests control;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Listener listener;
    private RolloutState s;
    private Instant lastTick;
    private Instant lastReading;

    public Guard(Plan plan, RolloutStore store, Clock clock, Sleeper sleeper, Listener listener) {
        this.plan = requireNonNull(plan, "null plan");
        this.store = requireNonNull(store, "null store");
        this.control = store.requests();
        this.clock = requireNonNull(clock, "null clock");
        this.sleeper = requireNonNull(sleeper, "null sleeper");
        this.listener = requireNonNull(listener, "null listener");
    }

    /** Runs the rollout (or carries on with a saved one) until it completes, rolls back or is stopped. */
    public Outcome run(Start start) {
        requireNonNull(start, "null start");
        Optional<RolloutState> saved = store.load();
        if (saved.isPresent() && saved.get().status.finished()) {
            s = saved.get();
            return s.status == Status.COMPLETED ? Outcome.COMPLETED : Outcome.ROLLED_BACK;
        }
        try {
            begin(saved, start);
            return loop();
        } catch (Stopped e) {
            record("stopped", Map.of("reason", "signal", "weight", s.weight));
            save();
            return Outcome.STOPPED;
        }
    }

    /**
     * Applies a request to a saved rollout while no guard runs on it (the caller holds its
     * {@link GuardLock}): resume and pause change the status, abort rolls back now.
     */
    public RolloutState applyNow(Control.Request request) {
        s = store.load()
                .orElseThrow(() -> new InputException(store.where() + ": no rollout has started (no state file)"));
        if (s.status.finished()) {
            throw new InputException("the rollout is already " + s.status + "; nothing to "
                    + request.name().toLowerCase(java.util.Locale.ROOT));
        }
        try {
            handle(request);
        } catch (Stopped e) {
            // interrupted while rolling back: the state says so, and the next guard finishes it
        }
        save();
        return s;
    }

    private void begin(Optional<RolloutState> saved, Start start) {
        s = saved.orElseGet(() -> new RolloutState(plan.name()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decision", start.decision());
        data.put("forced", start.forced());
        data.put("restart", saved.isPresent());
        data.put("steps", plan.steps().stream().map(Step::toJson).toList());
        data.put("triggers", plan.triggers().stream().map(Trigger::describe).toList());
        record("started", data);
        save();
        if (s.rollingBack.isPresent()) {
            finishRollback(s.rollingBack.get());
            return;
        }
        int w = s.pendingWeight.orElse(s.weight);
        if (saved.isPresent() && w > 0) {
            applyWeight(w, true);
        }
    }

    private Outcome loop() {
        while (true) {
            if (s.status == Status.ROLLED_BACK) {
                return Outcome.ROLLED_BACK;
            }
            if (s.step >= plan.steps().size()) {
                s.status = Status.COMPLETED;
                record("completed", Map.of("weight", s.weight));
                save();
                return Outcome.COMPLETED;
            }
            switch (plan.steps().get(s.step)) {
                case Step.Weight w -> applyWeight(w.percent(), false);
                case Step.Hold h -> tick(h.duration());
                case Step.Watch w -> tick(w.duration());
            }
        }
    }

    /** Sets traffic; the step counts as done only once the action succeeded and the state says so. */
    private void applyWeight(int weight, boolean reapplied) {
        s.pendingWeight = Optional.of(weight);
        save();
        Attempts a = runWithRetries(plan.traffic(), weight);
        Map<String, Object> data = a.toJson();
        data.put("weight", weight);
        if (reapplied) {
            data.put("reapplied", true);
        }
        s.pendingWeight = Optional.empty();
        if (!a.last().ok()) {
            data.put("ok", false);
            record("weight", data);
            rollback("the traffic action failed " + a.count() + " times setting " + weight + "%: "
                    + a.last().summary());
            return;
        }
        s.weight = weight;
        boolean stepDone = s.step < plan.steps().size()
                && plan.steps().get(s.step) instanceof Step.Weight sw
                && sw.percent() == weight;
        if (stepDone) {
            s.step++;
            s.healthy = Duration.ZERO;
            lastReading = null; // the next hold starts from a reading taken at the new weight
        }
        data.put("ok", true);
        record("weight", data);
        save();
    }

    /** One interval of a hold or watch: wait, take requests, read, judge, save. */
    private void tick(Duration hold) {
        Instant due = lastTick == null ? clock.instant() : lastTick.plus(plan.interval());
        sleep(due);
        Instant now = clock.instant();
        lastTick = now.isAfter(due.plus(plan.interval())) ? now : due;
        Optional<Control.Request> request = control.pending();
        if (request.isPresent()) {
            boolean stop = handle(request.get());
            // removed once the state holds what it did: whoever asked sees the request taken and its effect
            control.taken(request.get());
            if (stop) {
                return;
            }
        }
        Map<String, Reading> readings = read(now);
        Verdict v = Verdict.judge(plan, readings, s.breachedSince, now);
        Duration credit = v.healthy() && s.status == Status.RUNNING && lastReading != null
                ? min(Duration.between(lastReading, now), plan.interval())
                : Duration.ZERO;
        // Only an interval between two healthy readings counts: a gap, a breach or a pause breaks it.
        lastReading = v.healthy() && s.status == Status.RUNNING ? now : null;
        s.healthy = s.healthy.plus(credit);
        s.noDataReadings = v.missing().isEmpty() ? 0 : s.noDataReadings + 1;
        record("reading", v.toJson(plan, readings, s, credit));
        listener.reading(s, readings);
        if (!react(v)) {
            return;
        }
        if (s.status == Status.RUNNING && s.healthy.compareTo(hold) >= 0) {
            s.step++;
            s.healthy = Duration.ZERO;
        }
        save();
    }

    /** Acts on fired triggers and missing data; false when the rollout rolled back. */
    private boolean react(Verdict v) {
        for (Trigger t : v.fired()) {
            if (t.then() == Trigger.Then.ROLLBACK) {
                record("trigger", triggerData(t, v));
                rollback("trigger " + t.describe() + " (" + t.source() + ")");
                return false;
            }
        }
        for (Trigger t : v.fired()) {
            if (s.status == Status.RUNNING) {
                record("trigger", triggerData(t, v));
                pause("trigger " + t.describe() + " (" + t.source() + ")");
            }
        }
        if (s.noDataReadings >= plan.noData().after()) {
            String why = s.noDataReadings + " readings in a row without " + String.join(", ", v.missing());
            if (plan.noData().then() == Trigger.Then.ROLLBACK) {
                record("trigger", Map.of("noData", v.missing(), "readings", s.noDataReadings, "then", "rollback"));
                rollback("no data: " + why);
                return false;
            }
            if (s.status == Status.RUNNING) {
                record("trigger", Map.of("noData", v.missing(), "readings", s.noDataReadings, "then", "pause"));
                pause("no data: " + why);
            }
        }
        return true;
    }

    private static Map<String, Object> triggerData(Trigger t, Verdict v) {
        Map<String, Object> m = new LinkedHashMap<>(t.toJson());
        m.put("when", t.describe());
        v.values().getOrDefault(t.metric(), java.util.OptionalDouble.empty()).ifPresent(x -> m.put("reading", x));
        return m;
    }

    /** Applies a request from another process; true when the rollout rolled back. */
    private boolean handle(Control.Request r) {
        switch (r) {
            case ABORT -> {
                rollback("aborted");
                return true;
            }
            case PAUSE -> {
                if (s.status == Status.RUNNING) {
                    pause("requested");
                    save();
                }
            }
            case RESUME -> {
                if (s.status == Status.PAUSED) {
                    s.status = Status.RUNNING;
                    s.noDataReadings = 0;
                    lastReading = null;
                    record("resumed", Map.of("healthy", s.healthy.toString()));
                    save();
                }
            }
        }
        return false;
    }

    private void pause(String reason) {
        s.status = Status.PAUSED;
        record("paused", Map.of("reason", reason, "weight", s.weight));
    }

    /** Traffic to 0, then the rollback action; recorded before it starts, so a restart finishes it. */
    private void rollback(String reason) {
        s.rollingBack = Optional.of(reason);
        save();
        finishRollback(reason);
    }

    private void finishRollback(String reason) {
        Attempts traffic = runWithRetries(plan.traffic(), 0);
        Map<String, Object> w = traffic.toJson();
        w.put("weight", 0);
        w.put("ok", traffic.last().ok());
        if (traffic.last().ok()) {
            s.weight = 0;
        }
        record("weight", w);
        save();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reason", reason);
        data.put("trafficOk", traffic.last().ok());
        plan.rollback().ifPresent(action -> {
            Attempts a = runWithRetries(action, 0);
            data.put("action", a.toJson());
            data.put("actionOk", a.last().ok());
        });
        s.rollingBack = Optional.empty();
        s.status = Status.ROLLED_BACK;
        record("rollback", data);
        save();
    }

    private Attempts runWithRetries(Plan.Configured action, int weight) {
        try {
            return Attempts.run(action, weight, clock, sleeper);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private Map<String, Reading> read(Instant now) {
        Duration wait = plan.interval().multipliedBy(3).dividedBy(4);
        try {
            return Readings.read(plan.metrics(), now.plus(wait), wait, sleeper);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private void sleep(Instant until) {
        try {
            sleeper.sleepUntil(until);
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private void record(String type, Map<String, Object> data) {
        listener.event(s.record(type, clock.instant(), data), s);
    }

    private void save() {
        store.save(s);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A signal asked the guard to stop: traffic stays where it is. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
