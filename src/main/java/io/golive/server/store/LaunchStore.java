package io.golive.server.store;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Launches and every version of their spec and checklists. */
public final class LaunchStore {
    private final JdbcClient jdbc;

    public LaunchStore(JdbcClient jdbc) {
        this.jdbc = requireNonNull(jdbc, "null jdbc");
    }

    /**
     * A launch's current state.
     *
     * @param revision bumped by every change of the launch, so caches know when to rebuild
     */
    public record Launch(long id, String name, int version, long revision, Optional<Long> scheduleMs) {}

    /** One version of the launch's sources. */
    public record Version(
            long launchId,
            int version,
            String name,
            String spec,
            List<String> checklistNames,
            Optional<Long> launchAt,
            String digest,
            long createdAt,
            String createdBy,
            List<String> signoffRoles) {
        public Version {
            checklistNames = List.copyOf(checklistNames);
            signoffRoles = List.copyOf(signoffRoles);
        }
    }

    /** A new launch without a version yet; {@link #addVersion} gives it its first. */
    public long create(String name, long now, String by) {
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO launches (name, version, revision, created_at, created_by) VALUES (?, 0, 0, ?, ?)")
                .params(name, now, by)
                .update(keys, "id");
        return requireNonNull(keys.getKeyAs(Long.class), "no generated id");
    }

    /** Stores a new version and makes it current; returns its number. */
    public int addVersion(Version v, Map<String, String> files, Optional<Long> scheduleMs, long now) {
        int version = jdbc.sql("SELECT version FROM launches WHERE id = ? FOR UPDATE")
                        .param(v.launchId())
                        .query(Integer.class)
                        .single()
                + 1;
        jdbc.sql("INSERT INTO launch_versions (launch_id, version, name, spec, checklist_name, launch_at, digest,"
                        + " created_at, created_by, signoff_roles) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        v.launchId(),
                        version,
                        v.name(),
                        v.spec(),
                        String.join("\n", v.checklistNames()),
                        v.launchAt().orElse(null),
                        v.digest(),
                        v.createdAt(),
                        v.createdBy(),
                        v.signoffRoles().isEmpty() ? null : String.join("\n", v.signoffRoles()))
                .update();
        files.forEach((name, content) -> jdbc.sql(
                        "INSERT INTO launch_files (launch_id, version, name, content) VALUES (?, ?, ?, ?)")
                .params(v.launchId(), version, name, content)
                .update());
        if (scheduleMs.isPresent()) {
            jdbc.sql("UPDATE launches SET version = ?, name = ?, revision = revision + 1, schedule_ms = ?,"
                            + " next_run_at = COALESCE(next_run_at, ?) WHERE id = ?")
                    .params(version, v.name(), scheduleMs.get(), now + scheduleMs.get(), v.launchId())
                    .update();
        } else {
            jdbc.sql("UPDATE launches SET version = ?, name = ?, revision = revision + 1, schedule_ms = NULL,"
                            + " next_run_at = NULL WHERE id = ?")
                    .params(version, v.name(), v.launchId())
                    .update();
        }
        return version;
    }

    public Optional<Launch> launch(long id) {
        return jdbc.sql("SELECT id, name, version, revision, schedule_ms FROM launches WHERE id = ?")
                .param(id)
                .query(LaunchStore::launch)
                .optional();
    }

    /** Locks the launch's row for the rest of the transaction (changes to one launch take turns). */
    public Optional<Launch> lock(long id) {
        return jdbc.sql("SELECT id, name, version, revision, schedule_ms FROM launches WHERE id = ? FOR UPDATE")
                .param(id)
                .query(LaunchStore::launch)
                .optional();
    }

    public List<Launch> all() {
        return jdbc.sql("SELECT id, name, version, revision, schedule_ms FROM launches WHERE version > 0 ORDER BY id")
                .query(LaunchStore::launch)
                .list();
    }

    private static Launch launch(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long schedule = rs.getLong(5);
        return new Launch(
                rs.getLong(1),
                rs.getString(2),
                rs.getInt(3),
                rs.getLong(4),
                rs.wasNull() ? Optional.empty() : Optional.of(schedule));
    }

    /** The revision alone: one indexed read, to check a cached view is current. */
    public Optional<Long> revision(long id) {
        return jdbc.sql("SELECT revision FROM launches WHERE id = ?")
                .param(id)
                .query(Long.class)
                .optional();
    }

    /** Marks the launch changed; call in the transaction of the change. */
    public void touch(long id) {
        jdbc.sql("UPDATE launches SET revision = revision + 1 WHERE id = ?")
                .param(id)
                .update();
    }

    public Optional<Version> version(long id, int version) {
        return jdbc.sql("SELECT launch_id, version, name, spec, checklist_name, launch_at, digest, created_at,"
                        + " created_by, signoff_roles FROM launch_versions WHERE launch_id = ? AND version = ?")
                .params(id, version)
                .query((rs, n) -> {
                    long at = rs.getLong(6);
                    Optional<Long> launchAt = rs.wasNull() ? Optional.empty() : Optional.of(at);
                    return new Version(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            lines(rs.getString(5)),
                            launchAt,
                            rs.getString(7),
                            rs.getLong(8),
                            rs.getString(9),
                            lines(rs.getString(10)));
                })
                .optional();
    }

    public Map<String, String> files(long id, int version) {
        Map<String, String> out = new LinkedHashMap<>();
        jdbc.sql("SELECT name, content FROM launch_files WHERE launch_id = ? AND version = ? ORDER BY name")
                .params(id, version)
                .query(rs -> {
                    out.put(rs.getString(1), rs.getString(2));
                });
        return out;
    }

    /** Launches with a schedule whose next run is due, with the time it was due. */
    public Map<Long, Long> due(long now) {
        Map<Long, Long> out = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT id, next_run_at FROM launches WHERE next_run_at IS NOT NULL AND next_run_at <= ? AND version > 0")
                .param(now)
                .query(rs -> {
                    out.put(rs.getLong(1), rs.getLong(2));
                });
        return out;
    }

    /**
     * Claims a scheduled run: moves the next run on only if no other replica did first. The row update
     * is atomic in both databases, so exactly one replica gets 1 back for each due time.
     */
    public boolean claim(long id, long dueAt, long nextAt) {
        return jdbc.sql("UPDATE launches SET next_run_at = ? WHERE id = ? AND next_run_at = ?")
                        .params(nextAt, id, dueAt)
                        .update()
                == 1;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
