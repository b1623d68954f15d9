package io.golive.rollout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hash chain of a rollout's events: each event carries the hash of the one before ({@code prev}) and
 * its own ({@code hash}), a SHA-256 over the event without its hash in a canonical JSON form (keys
 * sorted). An edited, removed or reordered event breaks the chain. The server can verify a state with
 * {@link #verify(List)} too.
 */
public final class EventChain {
    /** The {@code prev} of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private EventChain() {}

    /** The next event after {@code events}: seq, at, type, the fields of {@code data}, prev and hash. */
    static Map<String, Object> next(
            List<Map<String, Object>> events, String type, Instant at, Map<String, Object> data) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("seq", events.size() + 1);
        e.put("at", at.toString());
        e.put("type", type);
        data.forEach((k, v) -> {
            if (!k.equals("seq") && !k.equals("at") && !k.equals("type") && !k.equals("prev") && !k.equals("hash")) {
                e.put(k, v);
            }
        });
        e.put(
                "prev",
                events.isEmpty() ? GENESIS : String.valueOf(events.getLast().get("hash")));
        e.put("hash", hash(e));
        return e;
    }

    /** Why the chain does not verify; empty when every event follows the one before unchanged. */
    public static Optional<String> verify(List<Map<String, Object>> events) {
        String prev = GENESIS;
        for (int i = 0; i < events.size(); i++) {
            Map<String, Object> e = events.get(i);
            Object seq = e.get("seq");
            if (!(seq instanceof Number n) || n.longValue() != i + 1) {
                return Optional.of("event " + (i + 1) + " is missing or out of order (found seq " + seq + ")");
            }
            if (!prev.equals(e.get("prev"))) {
                return Optional.of("event " + (i + 1) + " does not follow event " + i + " (removed or reordered)");
            }
            if (!hash(e).equals(e.get("hash"))) {
                return Optional.of("event " + (i + 1) + " was changed after it was written");
            }
            prev = String.valueOf(e.get("hash"));
        }
        return Optional.empty();
    }

    private static String hash(Map<String, Object> event) {
        Map<String, Object> body = new LinkedHashMap<>(event);
        body.remove("hash");
        try {
            byte[] json = CANONICAL.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JacksonException e) {
            throw new IllegalStateException("an event holds a value JSON cannot write", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
