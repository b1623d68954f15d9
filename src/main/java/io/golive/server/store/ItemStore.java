package io.golive.server.store;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What people said of a launch's items: owner, manual status, note, evidence link. Kept by item id,
 * so it survives a re-import for every item whose id did not change.
 */
public final class ItemStore {
    private final JdbcClient jdbc;

    public ItemStore(JdbcClient jdbc) {
        this.jdbc = requireNonNull(jdbc, "null jdbc");
    }

    /** One item's work state; absent fields were never set. */
    public record ItemWork(
            String itemId,
            Optional<String> owner,
            Optional<String> status,
            Optional<String> note,
            Optional<String> evidenceUrl,
            long updatedAt,
            String updatedBy) {
        public static ItemWork empty(String itemId) {
            return new ItemWork(itemId, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, "");
        }
    }

    public Map<String, ItemWork> all(long launchId) {
        Map<String, ItemWork> out = new LinkedHashMap<>();
        jdbc.sql("SELECT item_id, owner, status, note, evidence_url, updated_at, updated_by FROM items"
                        + " WHERE launch_id = ?")
                .param(launchId)
                .query(rs -> {
                    ItemWork w = new ItemWork(
                            rs.getString(1),
                            Optional.ofNullable(rs.getString(2)),
                            Optional.ofNullable(rs.getString(3)),
                            Optional.ofNullable(rs.getString(4)),
                            Optional.ofNullable(rs.getString(5)),
                            rs.getLong(6),
                            rs.getString(7));
                    out.put(w.itemId(), w);
                });
        return out;
    }

    public Optional<ItemWork> get(long launchId, String itemId) {
        return Optional.ofNullable(all(launchId).get(itemId));
    }

    public void save(long launchId, ItemWork w) {
        int updated = jdbc.sql("UPDATE items SET owner = ?, status = ?, note = ?, evidence_url = ?, updated_at = ?,"
                        + " updated_by = ? WHERE launch_id = ? AND item_id = ?")
                .params(
                        w.owner().orElse(null),
                        w.status().orElse(null),
                        w.note().orElse(null),
                        w.evidenceUrl().orElse(null),
                        w.updatedAt(),
                        w.updatedBy(),
                        launchId,
                        w.itemId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO items (launch_id, item_id, owner, status, note, evidence_url, updated_at, updated_by)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            launchId,
                            w.itemId(),
                            w.owner().orElse(null),
                            w.status().orElse(null),
                            w.note().orElse(null),
                            w.evidenceUrl().orElse(null),
                            w.updatedAt(),
                            w.updatedBy())
                    .update();
        }
    }
}
