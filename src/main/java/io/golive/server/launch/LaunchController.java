package io.golive.server.launch;

import io.golive.server.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
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

    LaunchController(LaunchService service, LaunchViews views) {
        this.service = service;
        this.views = views;
    }

    @PostMapping
    ResponseEntity<LaunchJson.LaunchCreated> create(@Valid @RequestBody LaunchRequest body, Authentication auth) {
        LaunchService.Imported r = service.create(user(auth), new LaunchSources(body.spec(), body.checklists()));
        return ResponseEntity.created(URI.create("/api/launches/" + r.id())).body(LaunchJson.LaunchCreated.of(r));
    }

    @GetMapping
    List<LaunchJson.LaunchSummary> list() {
        return views.all().stream().map(LaunchJson.LaunchSummary::of).toList();
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
    LaunchJson.ItemWorkJson patchItem(
            @PathVariable long id,
            @RequestParam("item") String item,
            @Valid @RequestBody ItemRequest body,
            Authentication auth) {
        return LaunchJson.ItemWorkJson.of(service.patchItem(user(auth), id, item, body.patch()));
    }

    /** An item's check results over time: "passing since", "failed N times this week". */
    @GetMapping("/{id}/items/history")
    ItemHistory history(@PathVariable long id, @RequestParam("item") String item) {
        return views.history(id, item);
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
            String evidenceUrl) {
        LaunchService.ItemPatch patch() {
            return new LaunchService.ItemPatch(
                    Optional.ofNullable(owner),
                    Optional.ofNullable(status),
                    Optional.ofNullable(note),
                    Optional.ofNullable(evidenceUrl));
        }
    }
}
