package io.golive.cli;

import io.golive.rollout.Plan;
import io.golive.rollout.RolloutState;
import io.golive.rollout.Step;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code golive rollout} prints for people: event lines, the terminal's status line, {@code status}. */
final class RolloutLines {
    private RolloutLines() {}

    static String status(Plan plan, RolloutState s) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.name())
                .append(": ")
                .append(s.status())
                .append(" at ")
                .append(s.weight())
                .append("%\n");
        if (s.step() < plan.steps().size()) {
            sb.append("step ")
                    .append(s.step() + 1)
                    .append(" of ")
                    .append(plan.steps().size())
                    .append(": ")
                    .append(plan.steps().get(s.step()).toJson())
                    .append(", healthy so far ")
                    .append(io.golive.spec.Durations.format(s.healthy()))
                    .append('\n');
        }
        sb.append(s.events().size())
                .append(" events; chain ")
                .append(s.chainProblem().map(p -> "BROKEN: " + p).orElse("verified"))
                .append('\n');
        if (!s.events().isEmpty()) {
            sb.append("last: ").append(line(s.events().getLast())).append('\n');
        }
        return sb.toString();
    }

    /** Step, weight, time left in the hold, and each metric's last reading against its triggers. */
    @SuppressWarnings("unchecked")
    static String statusLine(Plan plan, Map<String, Object> e) {
        int step = ((Number) e.get("step")).intValue();
        StringBuilder sb =
                new StringBuilder("step " + (step + 1) + "/" + plan.steps().size() + " at " + e.get("weight") + "%");
        if (step < plan.steps().size()) {
            Duration d = switch (plan.steps().get(step)) {
                case Step.Hold h -> h.duration();
                case Step.Watch w -> w.duration();
                case Step.Weight w -> Duration.ZERO;
            };
            Duration left = d.minus(Duration.parse(String.valueOf(e.get("held"))));
            sb.append(", ")
                    .append(seconds(left.isNegative() ? Duration.ZERO : left))
                    .append(" left");
        }
        ((Map<String, Object>) e.getOrDefault("metrics", Map.of())).forEach((name, v) -> {
            Map<String, Object> m = (Map<String, Object>) v;
            sb.append(" | ")
                    .append(name)
                    .append(" ")
                    .append(
                            m.get("value") == null
                                    ? "NO DATA"
                                    : m.get("value") + (m.get("unit") == null ? "" : " " + m.get("unit")));
            plan.triggers().stream()
                    .filter(t -> t.metric().equals(name))
                    .forEach(t -> sb.append(" (").append(t.when().expression()).append(")"));
        });
        if ("PAUSED".equals(e.get("status"))) {
            sb.append(" | PAUSED");
        }
        return sb.toString();
    }

    private static String seconds(Object iso) {
        try {
            return String.format(
                    Locale.ROOT, "%.0fs", Duration.parse(String.valueOf(iso)).toMillis() / 1000.0);
        } catch (java.time.format.DateTimeParseException e) {
            return String.valueOf(iso);
        }
    }

    /** One event as one line for people: time, type and what matters of it. */
    @SuppressWarnings("unchecked")
    static String line(Map<String, Object> e) {
        String at = String.valueOf(e.get("at"));
        String time = at.length() >= 19 ? at.substring(11, 19) : at;
        String type = String.valueOf(e.get("type"));
        String what = switch (type) {
            case "started" ->
                "gate " + e.get("decision") + (Boolean.TRUE.equals(e.get("forced")) ? " (forced)" : "")
                        + (Boolean.TRUE.equals(e.get("restart")) ? ", carrying on a saved rollout" : "");
            case "weight" ->
                e.get("weight") + "%" + (Boolean.TRUE.equals(e.get("reapplied")) ? " (re-applied)" : "")
                        + (Boolean.TRUE.equals(e.get("ok")) ? " set" : " FAILED") + " after " + e.get("attempts")
                        + " attempt(s): " + e.get("summary");
            case "reading" -> {
                StringBuilder sb = new StringBuilder(e.get("weight") + "%");
                ((Map<String, Object>) e.getOrDefault("metrics", Map.of())).forEach((name, v) -> {
                    Map<String, Object> m = (Map<String, Object>) v;
                    sb.append(", ")
                            .append(name)
                            .append(" ")
                            .append(
                                    m.get("value") == null
                                            ? "NO DATA (" + m.get("reason") + ")"
                                            : m.get("value") + (m.get("unit") == null ? "" : " " + m.get("unit")));
                });
                sb.append(", held ").append(seconds(e.get("held")));
                List<Object> breached = (List<Object>) e.getOrDefault("breached", List.of());
                if (!breached.isEmpty()) {
                    sb.append(", BREACHED: ").append(breached);
                }
                if ("PAUSED".equals(e.get("status"))) {
                    sb.append(" (paused)");
                }
                yield sb.toString();
            }
            case "trigger" ->
                "fired: " + e.getOrDefault("when", "no data for " + e.get("noData")) + " ("
                        + e.getOrDefault("source", "noData") + ")";
            case "paused", "rollback" -> String.valueOf(e.get("reason"));
            default -> {
                Map<String, Object> rest = new LinkedHashMap<>(e);
                List.of("seq", "at", "type", "prev", "hash").forEach(rest::remove);
                yield rest.toString();
            }
        };
        return time + " " + type + " " + what;
    }
}
