package io.golive.server.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Writes the JSON error body every refusal and bad request carries. */
public final class JsonErrors {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonErrors() {}

    public static Map<String, Object> body(int status, String error, String message, List<?> problems) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("error", error);
        m.put("message", message);
        if (!problems.isEmpty()) {
            m.put("problems", problems);
        }
        return m;
    }

    public static void write(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body(status, error, message, List.of())));
    }
}
