package io.golive.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Go/No-Go criteria of the launch JSON as the criteria table shows them. */
final class CriteriaTable {
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private CriteriaTable() {}

    /**
     * One criterion.
     *
     * @param actual the measured value as read ("99.91%"); "—" when nothing measured it
     * @param met "met", "not met", or "not measured"
     * @param evidence each check that measured it, linked to what it read when that is a web address
     */
    record Row(
            String id,
            String name,
            String table,
            String phase,
            String threshold,
            String actual,
            String met,
            String status,
            List<Evidence> evidence) {}

    /** A check's summary, and the address it read (a Prometheus query URL) when it has one. */
    record Evidence(String text, String url) {}

    @SuppressWarnings("unchecked")
    static List<Row> of(Map<String, Object> launchJson) {
        List<Map<String, Object>> criteria = (List<Map<String, Object>>) launchJson.getOrDefault("criteria", List.of());
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> c : criteria) {
            List<Evidence> evidence = new ArrayList<>();
            for (Map<String, Object> k : (List<Map<String, Object>>) c.getOrDefault("checks", List.of())) {
                evidence.add(new Evidence(k.get("type") + ": " + k.get("summary"), link((Map<String, Object>)
                        k.getOrDefault("evidence", Map.of()))));
            }
            Object met = c.get("met");
            rows.add(new Row(
                    (String) c.get("id"),
                    (String) c.get("name"),
                    (String) c.get("table"),
                    (String) c.get("phase"),
                    String.valueOf(c.get("threshold")),
                    actual(c),
                    met == null ? "not measured" : Boolean.TRUE.equals(met) ? "met" : "not met",
                    (String) c.get("status"),
                    evidence));
        }
        return rows;
    }

    private static String actual(Map<String, Object> c) {
        if (c.get("actualText") instanceof String s && !s.isBlank()) {
            return s;
        }
        if (c.get("actual") == null) {
            return "—";
        }
        return c.get("actual") + (c.get("unit") == null ? "" : " " + c.get("unit"));
    }

    /** The first web address in a check's evidence ("request": "GET https://..."), or null. */
    private static String link(Map<String, Object> evidence) {
        for (Object v : evidence.values()) {
            Matcher m = URL.matcher(String.valueOf(v));
            if (m.find()) {
                return m.group();
            }
        }
        return null;
    }
}
