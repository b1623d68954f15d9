package io.golive.notify;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which of the launch-day guard's chained events people hear of, as notification events: a start, a
 * promotion (a weight step that succeeded, not a re-application after a restart), a pause, a resume, a rollback,
 * the completion. Readings, triggers and the rest stay in the rollout's own record.
 */
public final class GuardEvents {
    private static final List<String> KEPT =
            List.of("weight", "reason", "decision", "forced", "restart", "healthy", "trafficOk", "actionOk");

    private GuardEvents() {}

    /** The notification for one guard event ({@code type}, {@code at} and its data), if people hear of it. */
    public static Optional<Event> toEvent(Launch launch, Map<String, Object> guardEvent) {
        Optional<RolloutChange> change = change(guardEvent);
        if (change.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        KEPT.forEach(k -> {
            if (guardEvent.get(k) != null) {
                details.put(k, guardEvent.get(k));
            }
        });
        Instant at = Instant.parse(String.valueOf(guardEvent.get("at")));
        return Optional.of(Event.rollout(launch, at, change.get(), details));
    }

    private static Optional<RolloutChange> change(Map<String, Object> e) {
        return switch (String.valueOf(e.get("type"))) {
            case "started" -> Optional.of(RolloutChange.STARTED);
            case "weight" ->
                Boolean.TRUE.equals(e.get("ok"))
                                && !Boolean.TRUE.equals(e.get("reapplied"))
                                && e.get("weight") instanceof Number w
                                && w.intValue() > 0
                        ? Optional.of(RolloutChange.PROMOTED)
                        : Optional.empty();
            case "paused" -> Optional.of(RolloutChange.PAUSED);
            case "resumed" -> Optional.of(RolloutChange.RESUMED);
            case "rollback" -> Optional.of(RolloutChange.ROLLED_BACK);
            case "completed" -> Optional.of(RolloutChange.COMPLETED);
            default -> Optional.empty();
        };
    }
}
