package io.golive.server.launch;

import io.golive.server.security.CurrentUser;
import io.golive.server.store.EvaluationStore;
import io.golive.server.store.ItemStore.ItemWork;
import io.golive.server.store.LaunchStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Launches: import, list, the launch with its decision, re-import, and work on items. */
@RestController
@RequestMapping("/api/launches")
class LaunchController {
    private final LaunchService service;
    private final LaunchViews views;
    private final LaunchStore launches;
    private final EvaluationStore evaluations;

    LaunchController(LaunchService service, LaunchViews views, LaunchStore launches, EvaluationStore evaluations) {
        this.service = service;
        this.views = views;
        this.launches = launches;
        this.evaluations = evaluations;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody LaunchRequest body, Authentication auth) {
        LaunchService.Imported r = service.create(user(auth), new LaunchSources(body.spec(), body.checklists()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("version", r.version());
        out.put("items", r.added().size());
        return ResponseEntity.created(URI.create("/api/launches/" + r.id())).body(out);
    }

    @GetMapping
    List<Map<String, Object>> list() {
        return launches.all().stream().map(l -> summary(views.view(l.id()))).toList();
    }

    private static Map<String, Object> summary(LaunchView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.launchId());
        m.put("name", v.name());
        m.put("decision", v.evaluation().decision().name());
        m.put("readiness", v.readiness());
        m.put("version", v.parsed().version().version());
        return m;
    }

    /** Served from the cached view, pre-compressed for clients that accept gzip (300 items are ~160 KB). */
    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> get(
            @PathVariable long id, @RequestHeader(value = "Accept-Encoding", defaultValue = "") String encoding) {
        LaunchView v = views.view(id);
        ResponseEntity.BodyBuilder ok =
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("Vary", "Accept-Encoding");
        if (encoding.contains("gzip")) {
            return ok.header("Content-Encoding", "gzip").body(v.gzip());
        }
        return ok.body(v.bytes());
    }

    @PutMapping("/{id}")
    LaunchService.Imported reimport(
            @PathVariable long id, @Valid @RequestBody LaunchRequest body, Authentication auth) {
        return service.reimport(user(auth), id, new LaunchSources(body.spec(), body.checklists()));
    }

    @PatchMapping("/{id}/items")
    Map<String, Object> patchItem(
            @PathVariable long id,
            @RequestParam("item") String item,
            @Valid @RequestBody ItemRequest body,
            Authentication auth) {
        ItemWork w = service.patchItem(
                user(auth),
                id,
                item,
                new LaunchService.ItemPatch(
                        Optional.ofNullable(body.owner()),
                        Optional.ofNullable(body.status()),
                        Optional.ofNullable(body.note()),
                        Optional.ofNullable(body.evidenceUrl())));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", w.itemId());
        m.put("owner", w.owner().orElse(null));
        m.put("status", w.status().orElse(null));
        m.put("note", w.note().orElse(null));
        m.put("evidenceUrl", w.evidenceUrl().orElse(null));
        m.put("updatedBy", w.updatedBy());
        m.put("updatedAt", Instant.ofEpochMilli(w.updatedAt()).toString());
        return m;
    }

    /** An item's check results over time: "passing since", "failed N times this week". */
    @GetMapping("/{id}/items/history")
    Map<String, Object> history(@PathVariable long id, @RequestParam("item") String item) {
        views.view(id); // 404 for an unknown launch
        List<EvaluationStore.HistoryEntry> entries = evaluations.history(id, item, 500);
        long weekAgo = Instant.now().minus(Duration.ofDays(7)).toEpochMilli();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", item);
        m.put("passingSince", passingSince(entries).map(Instant::toString).orElse(null));
        m.put(
                "failuresLast7Days",
                entries.stream()
                        .filter(e -> e.atMs() >= weekAgo && !e.status().equals("PASS"))
                        .count());
        m.put("entries", entries);
        return m;
    }

    private static Optional<Instant> passingSince(List<EvaluationStore.HistoryEntry> newestFirst) {
        Optional<Instant> since = Optional.empty();
        for (EvaluationStore.HistoryEntry e : newestFirst) {
            if (!e.status().equals("PASS")) {
                break;
            }
            since = Optional.of(Instant.ofEpochMilli(e.atMs()));
        }
        return since;
    }

    static String user(Authentication auth) {
        return CurrentUser.of(auth).name();
    }

    /** {@code POST /api/launches}, {@code PUT /api/launches/{id}}. */
    record LaunchRequest(
            @NotBlank @Size(max = 1_048_576) String spec,
            @NotEmpty Map<String, String> checklists) {}

    /** {@code PATCH /api/launches/{id}/items?item=ID}; absent fields stay as they are, "" clears. */
    record ItemRequest(
            @Size(max = 200) String owner,

            @Pattern(regexp = "DONE|PENDING", message = "must be DONE or PENDING")
            String status,

            @Size(max = 4000) String note,

            @Size(max = 2000) @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL")
            String evidenceUrl) {}
}
