package io.golive.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/** The webhook bodies of each format, as the receiving service expects them. */
final class Bodies {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SLACK_HEADER_MAX = 150;

    private Bodies() {}

    /** The body for {@code d}, or empty when its service has nothing to do with the event. */
    static Optional<String> render(Event e, WebhookDestination d) {
        Optional<Map<String, Object>> body = switch (d.format()) {
            case JSON -> Optional.of(document(e));
            case SLACK -> Optional.of(slack(e));
            case TEAMS -> Optional.of(teams(e));
            case PAGERDUTY -> pagerDuty(e, d.routingKey().orElseThrow());
            case EMAIL -> throw new IllegalArgumentException("a webhook has no email format");
        };
        return body.map(JSON::writeValueAsString);
    }

    /** golive's own document: {@code {"event", "launch": {"id", "name"}, "at", "details"}}. */
    static Map<String, Object> document(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.type());
        m.put("launch", Map.of("id", e.launch().id(), "name", e.launch().name()));
        m.put("at", e.at().toString());
        m.put("details", e.details());
        return m;
    }

    static Map<String, Object> slack(Event e) {
        String title = Messages.title(e);
        List<Object> blocks = new ArrayList<>();
        String header = title.length() > SLACK_HEADER_MAX ? title.substring(0, SLACK_HEADER_MAX - 1) + "…" : title;
        blocks.add(Map.of("type", "header", "text", Map.of("type", "plain_text", "text", header)));
        List<String> lines = Messages.lines(e);
        if (!lines.isEmpty()) {
            blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", String.join("\n", lines))));
        }
        blocks.add(Map.of(
                "type",
                "context",
                "elements",
                List.of(Map.of("type", "mrkdwn", "text", "golive · " + e.type() + " · " + e.at()))));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", title);
        m.put("blocks", blocks);
        return m;
    }

    static Map<String, Object> teams(Event e) {
        List<Object> facts = new ArrayList<>();
        e.details()
                .forEach((k, v) ->
                        facts.add(Map.of("name", k, "value", v instanceof List<?> l ? join(l) : String.valueOf(v))));
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("activityTitle", e.launch().name());
        section.put("activitySubtitle", e.type() + " · " + e.at());
        section.put("facts", facts);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", "MessageCard");
        m.put("@context", "https://schema.org/extensions");
        m.put("summary", Messages.title(e));
        m.put("themeColor", Messages.bad(e) ? "D32F2F" : "2E7D32");
        m.put("title", Messages.title(e));
        m.put("sections", List.of(section));
        return m;
    }

    /** Events API v2: a rollback opens an incident, completion resolves it; one dedup key per launch. */
    static Optional<Map<String, Object>> pagerDuty(Event e, String routingKey) {
        Optional<RolloutChange> c = e.change();
        if (c.isEmpty() || (c.get() != RolloutChange.ROLLED_BACK && c.get() != RolloutChange.COMPLETED)) {
            return Optional.empty();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("routing_key", routingKey);
        m.put("dedup_key", dedupKey(e.launch()));
        if (c.get() == RolloutChange.COMPLETED) {
            m.put("event_action", "resolve");
            return Optional.of(m);
        }
        m.put("event_action", "trigger");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", Messages.title(e));
        payload.put("source", "golive");
        payload.put("severity", "critical");
        payload.put("timestamp", e.at().toString());
        payload.put("component", e.launch().name());
        payload.put("custom_details", e.details());
        m.put("payload", payload);
        return Optional.of(m);
    }

    static String dedupKey(Launch l) {
        return "golive-rollout-" + l.id();
    }

    /** The text of an e-mail. */
    static String mailText(Event e) {
        StringBuilder b = new StringBuilder(Messages.title(e)).append("\n\n");
        Messages.lines(e).forEach(l -> b.append(l).append('\n'));
        b.append("\nevent: ").append(e.type()).append("\nat: ").append(e.at()).append('\n');
        return b.toString();
    }

    private static String join(List<?> l) {
        return String.join("; ", l.stream().map(String::valueOf).toList());
    }
}
