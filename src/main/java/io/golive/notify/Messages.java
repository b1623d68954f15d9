package io.golive.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The words people read about an event, shared by Slack, Teams, PagerDuty and e-mail. */
final class Messages {
    private Messages() {}

    /** One line: {@code shop: rollout rolled back}. */
    static String title(Event e) {
        String name = e.launch().name();
        return switch (e.topic()) {
            case DECISION -> name + ": " + words(e.detail("to")) + " (was " + words(e.detail("from")) + ")";
            case SIGNOFF -> name + ": sign-off wanted from " + e.detail("role");
            case OVERDUE ->
                name + ": " + (Boolean.TRUE.equals(e.details().get("reminder")) ? "due tomorrow: " : "overdue: ")
                        + e.detail("text");
            case ROLLOUT -> name + ": rollout " + e.change().orElseThrow().words();
        };
    }

    /** The details, one {@code key: value} line each (a list's items one per line). */
    static List<String> lines(Event e) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> d : e.details().entrySet()) {
            if (d.getValue() instanceof List<?> l) {
                if (!l.isEmpty()) {
                    out.add(d.getKey() + ":");
                    l.forEach(i -> out.add("- " + i));
                }
            } else if (d.getValue() != null) {
                out.add(d.getKey() + ": " + d.getValue());
            }
        }
        return out;
    }

    /** GO is good news, a rollback or NO-GO bad: the colour a chat card gets. */
    static boolean bad(Event e) {
        return switch (e.topic()) {
            case DECISION -> !"GO".equals(e.detail("to"));
            case OVERDUE -> true;
            case SIGNOFF -> false;
            case ROLLOUT -> e.change().orElseThrow() == RolloutChange.ROLLED_BACK;
        };
    }

    private static String words(String decision) {
        return decision.replace('_', '-');
    }
}
