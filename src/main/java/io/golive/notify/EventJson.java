package io.golive.notify;

import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event as the outboxes store it: golive's own {@code json} document ({@code {"event", "launch",
 * "at", "details"}}), written and read back. The file outbox and the server's table share it.
 */
public final class EventJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EventJson() {}

    public static Map<String, Object> toMap(Event e) {
        return Bodies.document(e);
    }

    public static String write(Event e) {
        return JSON.writeValueAsString(toMap(e));
    }

    @SuppressWarnings("unchecked")
    public static Event fromMap(Map<String, Object> e) {
        Map<String, Object> launch = (Map<String, Object>) e.get("launch");
        return new Event(
                (String) e.get("event"),
                new Launch((String) launch.get("id"), (String) launch.get("name")),
                Instant.parse((String) e.get("at")),
                (Map<String, Object>) e.get("details"));
    }

    @SuppressWarnings("unchecked")
    public static Event read(String json) {
        return fromMap(JSON.readValue(json, Map.class));
    }
}
