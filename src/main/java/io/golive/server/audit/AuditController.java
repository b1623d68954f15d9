package io.golive.server.audit;

import io.golive.NotFoundException;
import io.golive.server.store.LaunchStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A launch's audit trail, with whether the whole hash chain verifies. */
@RestController
class AuditController {
    private final AuditLog audit;
    private final LaunchStore launches;

    AuditController(AuditLog audit, LaunchStore launches) {
        this.audit = audit;
        this.launches = launches;
    }

    @GetMapping("/api/launches/{id}/audit")
    Map<String, Object> audit(@PathVariable long id) {
        launches.revision(id).orElseThrow(() -> new NotFoundException("no launch " + id));
        Verification v = audit.verify();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verified", v.verified());
        m.put("problem", v.problem().orElse(null));
        m.put("chainLength", v.entries());
        m.put("entries", audit.entries(id).stream().map(AuditController::json).toList());
        return m;
    }

    private static Map<String, Object> json(AuditEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", Instant.ofEpochMilli(e.atMs()).toString());
        m.put("actor", e.actor());
        m.put("action", e.action());
        m.put("target", e.target());
        m.put("before", e.before());
        m.put("after", e.after());
        m.put("hash", e.hash());
        return m;
    }
}
