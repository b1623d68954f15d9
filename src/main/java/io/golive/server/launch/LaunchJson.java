package io.golive.server.launch;

import io.golive.server.store.ItemStore.ItemWork;
import java.time.Instant;

/** The answers of {@code /api/launches} other than the launch document itself (which {@link ViewJson} writes). */
final class LaunchJson {
    private LaunchJson() {}

    /** {@code POST /api/launches}: the new launch, its first version and how many items it has. */
    record LaunchCreated(long id, int version, int items) {
        static LaunchCreated of(LaunchService.Imported r) {
            return new LaunchCreated(r.id(), r.version(), r.added().size());
        }
    }

    /** One launch in {@code GET /api/launches}. */
    record LaunchSummary(long id, String name, String decision, int readiness, int version) {
        static LaunchSummary of(LaunchView v) {
            return new LaunchSummary(
                    v.launchId(),
                    v.name(),
                    v.evaluation().decision().name(),
                    v.readiness(),
                    v.parsed().version().version());
        }
    }

    /** {@code PATCH /api/launches/{id}/items}: the item's work as it now stands. */
    record ItemWorkJson(
            String item,
            String owner,
            String status,
            String note,
            String evidenceUrl,
            String updatedBy,
            String updatedAt) {
        static ItemWorkJson of(ItemWork w) {
            return new ItemWorkJson(
                    w.itemId(),
                    w.owner().orElse(null),
                    w.status().orElse(null),
                    w.note().orElse(null),
                    w.evidenceUrl().orElse(null),
                    w.updatedBy(),
                    Instant.ofEpochMilli(w.updatedAt()).toString());
        }
    }
}
