package io.golive.server.launch;

import io.golive.gate.Evaluation;
import io.golive.gate.ItemResult;
import io.golive.probe.Status;
import io.golive.report.ReportJson;
import io.golive.server.signoff.SignoffDecision;
import io.golive.server.signoff.SignoffDecision.RoleState;
import io.golive.server.signoff.SignoffStore.WaiverRow;
import io.golive.server.store.EvaluationStore.Run;
import io.golive.server.store.ItemStore.ItemWork;
import io.golive.server.store.LaunchStore.Launch;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of a launch: the report of DESIGN.md with each item's work, the sign-offs and the waivers. */
final class ViewJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<Status> SETTLED = Set.of(Status.PASS, Status.DONE, Status.WAIVED);

    private final ParsedVersion version;
    private final Map<String, ItemWork> work;
    private final List<WaiverRow> waivers;
    private final long now;
    private long validUntil = Long.MAX_VALUE;

    ViewJson(ParsedVersion version, Map<String, ItemWork> work, List<WaiverRow> waivers, long now) {
        this.version = version;
        this.work = work;
        this.waivers = waivers;
        this.now = now;
    }

    record Built(Map<String, Object> json, long validUntil, int readiness) {}

    @SuppressWarnings("unchecked")
    Built json(Launch launch, SignoffDecision.Result decided, String digest, Optional<Run> run) {
        Evaluation e = decided.evaluation();
        Map<String, Object> report = ReportJson.of(e);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", launch.id());
        json.put("name", launch.name());
        json.put("version", launch.version());
        json.put(
                "launch",
                version.version()
                        .launchAt()
                        .map(ms -> Instant.ofEpochMilli(ms).toString())
                        .orElse(null));
        int readiness = readiness(e);
        json.put("readiness", readiness);
        // a Map like the rest of the document, which the UI's templates and the PDF read as one tree
        json.put(
                "evaluation",
                run.map(r -> JSON.convertValue(EvaluationJson.of(r), Map.class)).orElse(null));
        json.put("digest", digest);
        json.putAll(report);
        List<Map<String, Object>> items = (List<Map<String, Object>>) report.get("items");
        for (int i = 0; i < items.size(); i++) {
            item(items.get(i), e.items().get(i));
        }
        json.put("signoffs", decided.roles().stream().map(ViewJson::signoff).toList());
        json.put("waivers", waivers.stream().map(this::waiver).toList());
        return new Built(json, validUntil, readiness);
    }

    private void item(Map<String, Object> m, ItemResult r) {
        ItemWork w = work.getOrDefault(r.item().id(), ItemWork.empty(r.item().id()));
        Optional<Instant> due = LaunchViews.due(version.version(), r);
        boolean settled = SETTLED.contains(r.status());
        boolean overdue = due.isPresent() && due.get().toEpochMilli() <= now && !settled;
        if (due.isPresent() && due.get().toEpochMilli() > now && !settled) {
            validUntil = Math.min(validUntil, due.get().toEpochMilli());
        }
        m.put("owner", w.owner().orElse(null));
        m.put("due", due.map(Instant::toString).orElse(null));
        m.put("overdue", overdue);
        m.put("note", w.note().orElse(null));
        m.put("evidenceUrl", w.evidenceUrl().orElse(null));
    }

    private static Map<String, Object> signoff(RoleState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", s.role());
        m.put("user", s.latest().map(r -> r.user()).orElse(null));
        m.put("verdict", s.latest().map(r -> r.verdict()).orElse(null));
        m.put(
                "at",
                s.latest().map(r -> Instant.ofEpochMilli(r.atMs()).toString()).orElse(null));
        m.put("stale", s.stale());
        m.put("comment", s.latest().flatMap(r -> r.comment()).orElse(null));
        return m;
    }

    private Map<String, Object> waiver(WaiverRow w) {
        boolean expired = w.expiresAt() <= now;
        if (!expired) {
            validUntil = Math.min(validUntil, w.expiresAt());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("item", w.itemId());
        m.put("reason", w.reason());
        m.put("approver", w.approver());
        m.put("expires", Instant.ofEpochMilli(w.expiresAt()).toString());
        m.put("expired", expired);
        m.put("created", Instant.ofEpochMilli(w.createdAt()).toString());
        return m;
    }

    /** The share of blocking pre-launch items that are PASS, DONE or WAIVED, in percent. */
    static int readiness(Evaluation e) {
        List<ItemResult> gating = e.items().stream()
                .filter(i -> i.item().blocking() && i.phase().gatesLaunch())
                .toList();
        if (gating.isEmpty()) {
            return 100;
        }
        long ok = gating.stream().filter(i -> SETTLED.contains(i.status())).count();
        return (int) (100 * ok / gating.size());
    }
}
