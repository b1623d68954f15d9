package io.golive.probe.redis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The fields of an INFO reply ({@code name:value} lines under {@code # Section} headings). */
record RedisInfo(Map<String, String> fields) {
    static RedisInfo parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> {
            int colon = l.indexOf(':');
            if (colon > 0) {
                fields.put(l.substring(0, colon), l.substring(colon + 1).strip());
            }
        });
        return new RedisInfo(fields);
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** A numeric field; absent or not a number is empty. */
    Optional<Long> number(String name) {
        return get(name).filter(v -> v.matches("-?\\d+")).map(Long::parseLong);
    }
}
