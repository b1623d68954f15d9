package io.golive.server.store;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Maps stored as JSON text (measurements, evidence). */
final class JsonText {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonText() {}

    static String write(Map<String, ?> map) {
        return MAPPER.writeValueAsString(map);
    }

    static Map<String, Object> read(String text) {
        return MAPPER.readValue(text, new TypeReference<Map<String, Object>>() {});
    }

    static Map<String, String> readStrings(String text) {
        return MAPPER.readValue(text, new TypeReference<Map<String, String>>() {});
    }
}
