package io.golive.server.ui;

import io.golive.gate.ItemResult;
import io.golive.server.launch.LaunchView;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A launch's items by their offset from T-0 (T-7d … T+7d), each stop with its due date as people read
 * it and its checklist sections with their progress. Built from the launch view: the due dates,
 * overdue flags, owners and statuses are the launch JSON's, the offsets the checklist's.
 *
 * @param zone the time zone the dates are shown in
 * @param launch T-0 as people read it; empty when the spec names no launch date
 */
record Timeline(String zone, Optional<String> launch, List<Stop> stops) {
    private static final Set<String> SETTLED = Set.of("PASS", "DONE", "WAIVED");

    /**
     * One offset from T-0 and the sections due then.
     *
     * @param label "T-7d"; "No date" for sections whose heading names no offset
     * @param due "Tue 1 Dec, 09:00 — in 2 days"; empty without a launch date or offset
     */
    record Stop(String label, Optional<String> due, boolean overdue, List<Part> sections) {}

    /** A checklist section: its items and how many of them are PASS, DONE or WAIVED. */
    record Part(String id, String title, String phase, int done, int total, boolean overdue, List<Row> items) {
        public int percent() {
            return total == 0 ? 100 : 100 * done / total;
        }
    }

    /** An item as the timeline shows it (and its edit form starts from). */
    record Row(
            String id,
            String text,
            String status,
            boolean blocking,
            boolean overdue,
            String owner,
            String note,
            String evidenceUrl,
            List<String> checks) {
        /** The manual status the edit form offers first: DONE when it is done, else PENDING. */
        public String editStatus() {
            return "DONE".equals(status) ? "DONE" : "PENDING";
        }
    }

    @SuppressWarnings("unchecked")
    static Timeline of(LaunchView view, ReadableTime time) {
        List<ItemResult> results = view.evaluation().items();
        List<Map<String, Object>> json = (List<Map<String, Object>>) view.json().get("items");
        // stops keyed by offset (null: none), sections by id, both in checklist order before sorting
        Map<Optional<Duration>, Map<String, List<Integer>>> byOffset = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            ItemResult r = results.get(i);
            byOffset.computeIfAbsent(offset(r), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.section().id(), k -> new ArrayList<>())
                    .add(i);
        }
        List<Stop> stops = new ArrayList<>();
        byOffset.entrySet().stream()
                .sorted(Comparator.comparing(
                        e -> e.getKey().orElse(null), Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(e -> {
                    List<Part> parts = new ArrayList<>();
                    Optional<Instant> due = Optional.empty();
                    for (List<Integer> indexes : e.getValue().values()) {
                        List<Row> rows =
                                indexes.stream().map(i -> row(json.get(i))).toList();
                        ItemResult first = results.get(indexes.get(0));
                        Optional<Instant> partDue =
                                instant(json.get(indexes.get(0)).get("due"));
                        due = due.or(() -> partDue);
                        int done = (int) rows.stream()
                                .filter(r -> SETTLED.contains(r.status()))
                                .count();
                        parts.add(new Part(
                                first.section().id(),
                                first.section().title(),
                                first.phase().name(),
                                done,
                                rows.size(),
                                rows.stream().anyMatch(Row::overdue),
                                rows));
                    }
                    String label = e.getKey().map(ReadableTime::offset).orElse("No date");
                    stops.add(new Stop(
                            label,
                            due.map(time::dateAndRelative),
                            parts.stream().anyMatch(Part::overdue),
                            parts));
                });
        Optional<String> launch = instant(view.json().get("launch")).map(time::dateAndRelative);
        return new Timeline(time.zoneName(), launch, stops);
    }

    private static Optional<Duration> offset(ItemResult r) {
        try {
            return r.section().offset().map(Duration::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Instant> instant(Object iso) {
        return iso instanceof String s ? Optional.of(Instant.parse(s)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Row row(Map<String, Object> item) {
        List<String> checks = ((List<Map<String, Object>>) item.getOrDefault("checks", List.of()))
                .stream().map(c -> c.get("type") + ": " + c.get("summary")).toList();
        return new Row(
                (String) item.get("id"),
                (String) item.get("text"),
                (String) item.get("status"),
                Boolean.TRUE.equals(item.get("blocking")),
                Boolean.TRUE.equals(item.get("overdue")),
                (String) item.get("owner"),
                (String) item.get("note"),
                (String) item.get("evidenceUrl"),
                checks);
    }
}
