package io.golive.server.audit;

import io.golive.NotFoundException;
import io.golive.server.store.LaunchStore;
import java.time.Instant;
import java.util.List;
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
    AuditJson audit(@PathVariable long id) {
        launches.revision(id).orElseThrow(() -> new NotFoundException("no launch " + id));
        Verification v = audit.verify();
        return new AuditJson(
                v.verified(),
                v.problem().orElse(null),
                v.entries(),
                audit.entries(id).stream().map(AuditEntryJson::of).toList());
    }

    /** The launch's trail with whether the whole chain verifies ({@code problem} says where it breaks). */
    record AuditJson(boolean verified, String problem, long chainLength, List<AuditEntryJson> entries) {}

    /** One entry of the trail. */
    record AuditEntryJson(
            long seq, String at, String actor, String action, String target, String before, String after, String hash) {
        static AuditEntryJson of(AuditEntry e) {
            return new AuditEntryJson(
                    e.seq(),
                    Instant.ofEpochMilli(e.atMs()).toString(),
                    e.actor(),
                    e.action(),
                    e.target(),
                    e.before(),
                    e.after(),
                    e.hash());
        }
    }
}
