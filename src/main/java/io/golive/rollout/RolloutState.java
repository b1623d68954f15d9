package io.golive.rollout;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a rollout stands: status, step, weight, the healthy time in the current hold, and every event
 * so far, hash-chained. Saved after every reading, so a guard started again carries on from here.
 */
public final class RolloutState {
    /** How the rollout stands. */
    public enum Status {
        RUNNING,
        PAUSED,
        COMPLETED,
        ROLLED_BACK;

        public boolean finished() {
            return this == COMPLETED || this == ROLLED_BACK;
        }
    }

    final String name;
    Status status = Status.RUNNING;
    int step;
    int weight;
    /** A weight being applied when the guard stopped: re-applied, and its step counts as done. */
    Optional<Integer> pendingWeight = Optional.empty();
    /** Why a rollback began, while it is under way: a guard started again finishes it. */
    Optional<String> rollingBack = Optional.empty();

    Duration healthy = Duration.ZERO;
    int noDataReadings;
    /** Since when each trigger (by index) has been breached at every reading. */
    final Map<Integer, Instant> breachedSince = new LinkedHashMap<>();

    final List<Map<String, Object>> events = new ArrayList<>();
    /** What the state file says of its event log that the log does not bear out (a cut log). */
    Optional<String> logProblem = Optional.empty();

    RolloutState(String name) {
        this.name = requireNonNull(name, "null name");
    }

    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    /** The index of the current step in the plan. */
    public int step() {
        return step;
    }

    public int weight() {
        return weight;
    }

    /** Healthy watched time in the current hold or watch. */
    public Duration healthy() {
        return healthy;
    }

    public List<Map<String, Object>> events() {
        return Collections.unmodifiableList(events);
    }

    /** Why the event chain does not verify; empty when it does. */
    public Optional<String> chainProblem() {
        return logProblem.or(() -> EventChain.verify(events));
    }

    /**
     * Compares the events read with what the state recorded of them ({@code count} events, the last
     * with hash {@code head}); a store whose events were cut or replaced makes the chain fail to verify.
     *
     * @param log the events' place in words, for the message
     */
    public void checkEvents(int count, String head, String log) {
        if (events.size() < count) {
            logProblem = Optional.of("the state counts " + count + " events but " + log + " holds " + events.size()
                    + " (events removed)");
        } else if (count > 0 && !String.valueOf(head).equals(events.getLast().get("hash"))) {
            logProblem = Optional.of("the last event is not the one the state recorded (the log was replaced)");
        }
    }

    /** The hash of the last event, {@link EventChain#GENESIS} before the first. */
    public String head() {
        return events.isEmpty()
                ? EventChain.GENESIS
                : String.valueOf(events.getLast().get("hash"));
    }

    /** Appends an event to the chain and returns it. */
    Map<String, Object> record(String type, Instant at, Map<String, Object> data) {
        Map<String, Object> e = EventChain.next(events, type, at, data);
        events.add(e);
        return e;
    }

    /** The state as {@code status --json} prints it: {@link #fields()} and every event. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = fields();
        m.put("events", events);
        return m;
    }

    /** Everything but the events (a store keeps those apart: the state file in its event log). */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("status", status.name());
        m.put("step", step);
        m.put("weight", weight);
        pendingWeight.ifPresent(w -> m.put("pendingWeight", w));
        rollingBack.ifPresent(r -> m.put("rollingBack", r));
        m.put("healthy", healthy.toString());
        m.put("noDataReadings", noDataReadings);
        Map<String, Object> since = new LinkedHashMap<>();
        breachedSince.forEach((k, v) -> since.put(Integer.toString(k), v.toString()));
        m.put("breachedSince", since);
        return m;
    }

    /** The state read back from {@link #fields()} and its events; throws {@link IllegalArgumentException} naming what is wrong. */
    @SuppressWarnings("unchecked")
    public static RolloutState fromJson(Map<String, Object> m, List<Map<String, Object>> events) {
        try {
            RolloutState s = new RolloutState((String) requireNonNull(m.get("name"), "name"));
            s.status = Status.valueOf((String) m.get("status"));
            s.step = ((Number) m.get("step")).intValue();
            s.weight = ((Number) m.get("weight")).intValue();
            s.pendingWeight =
                    Optional.ofNullable((Number) m.get("pendingWeight")).map(Number::intValue);
            s.rollingBack = Optional.ofNullable((String) m.get("rollingBack"));
            s.healthy = Duration.parse((String) m.get("healthy"));
            s.noDataReadings = ((Number) m.getOrDefault("noDataReadings", 0)).intValue();
            ((Map<String, Object>) m.getOrDefault("breachedSince", Map.of()))
                    .forEach((k, v) -> s.breachedSince.put(Integer.parseInt(k), Instant.parse((String) v)));
            events.forEach(e -> s.events.add(new LinkedHashMap<>(e)));
            return s;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a golive rollout state (" + e.getMessage() + ")", e);
        }
    }
}
