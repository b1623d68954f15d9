package io.golive.notify;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something people are told about: its type ({@code decision}, {@code signoff}, {@code overdue},
 * {@code rollout.completed} ...), the launch, when, and details (plain values: strings, numbers,
 * booleans, lists and maps of them).
 */
public record Event(String type, Launch launch, Instant at, Map<String, Object> details) {
    public Event {
        requireNonNull(type, "null type");
        requireNonNull(launch, "null launch");
        requireNonNull(at, "null at");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(details, "null details")));
        if (topicOf(type).isEmpty()) {
            throw new IllegalArgumentException("unknown event type " + type);
        }
    }

    /** The decision changed ({@code from} and {@code to} are {@code GO} or {@code NO_GO}). */
    public static Event decision(Launch launch, Instant at, String from, String to, List<String> reasons) {
        return new Event(
                Topic.DECISION.key(), launch, at, ordered("from", from, "to", to, "reasons", List.copyOf(reasons)));
    }

    /** A role's approval is wanted from the users holding it ({@code users} may be e-mail addresses). */
    public static Event signoff(Launch launch, Instant at, String role, List<String> users) {
        return new Event(Topic.SIGNOFF.key(), launch, at, ordered("role", role, "users", List.copyOf(users)));
    }

    /** An item is past its due date ({@code due} as ISO-8601), or due tomorrow when {@code reminder}. */
    public static Event overdue(Launch launch, Instant at, String item, String text, Instant due, boolean reminder) {
        return new Event(
                Topic.OVERDUE.key(),
                launch,
                at,
                ordered("item", item, "text", text, "due", due.toString(), "reminder", reminder));
    }

    /** The guard moved; {@code details} such as step, weight, reason. */
    public static Event rollout(Launch launch, Instant at, RolloutChange change, Map<String, Object> details) {
        return new Event(change.type(), launch, at, details);
    }

    public Topic topic() {
        return topicOf(type).orElseThrow();
    }

    /** The rollout change of a {@code rollout.*} event. */
    public Optional<RolloutChange> change() {
        for (RolloutChange c : RolloutChange.values()) {
            if (c.type().equals(type)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A detail as text, empty when absent. */
    public String detail(String key) {
        Object v = details.get(key);
        return v == null ? "" : v.toString();
    }

    private static Optional<Topic> topicOf(String type) {
        int dot = type.indexOf('.');
        Optional<Topic> t = Topic.of(dot < 0 ? type : type.substring(0, dot));
        if (t.isPresent() && t.get() == Topic.ROLLOUT) {
            boolean known = java.util.Arrays.stream(RolloutChange.values())
                    .anyMatch(c -> c.type().equals(type));
            return known ? t : Optional.empty();
        }
        return dot < 0 ? t : Optional.empty();
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
