package io.golive.server.store;

import static java.util.Objects.requireNonNull;

import io.golive.gate.CheckResult;
import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every evaluation of a launch and, per check, its status, summary, measurements and duration. */
public final class EvaluationStore {
    private final JdbcClient jdbc;

    public EvaluationStore(JdbcClient jdbc) {
        this.jdbc = requireNonNull(jdbc, "null jdbc");
    }

    /**
     * One run of a launch's checks.
     *
     * @param status RUNNING, DONE, FAILED (could not start: the spec no longer loads) or INTERRUPTED
     * @param trigger "manual" or "schedule"
     */
    public record Run(
            long id,
            long launchId,
            int version,
            String trigger,
            String status,
            Optional<String> message,
            int total,
            int done,
            Optional<String> decision,
            String requestedBy,
            long startedAt,
            Optional<Long> finishedAt) {}

    public long start(
            long launchId,
            int version,
            String trigger,
            Optional<Long> scheduledFor,
            int total,
            String instance,
            String by,
            long now) {
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql(
                        "INSERT INTO evaluations (launch_id, version, trigger_kind, scheduled_for, status, total, done,"
                                + " instance, requested_by, started_at, updated_at) VALUES (?, ?, ?, ?, 'RUNNING', ?, 0, ?, ?, ?, ?)")
                .params(launchId, version, trigger, scheduledFor.orElse(null), total, instance, by, now, now)
                .update(keys, "id");
        return requireNonNull(keys.getKeyAs(Long.class), "no generated id");
    }

    public void progress(long id, int done, long now) {
        jdbc.sql("UPDATE evaluations SET done = ?, updated_at = ? WHERE id = ? AND status = 'RUNNING'")
                .params(done, now, id)
                .update();
    }

    /** Stores the results and closes the run; returns false when the run was closed already. */
    public boolean finish(long id, long launchId, List<CheckResult> results, String decision, long now) {
        int seq = 0;
        for (CheckResult r : results) {
            Observation o = r.observation();
            jdbc.sql("INSERT INTO check_results (evaluation_id, seq, launch_id, name, kind, item_id, blocking, status,"
                            + " summary, measurements, evidence, duration_ms, at_ms, criterion_id)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            id,
                            seq++,
                            launchId,
                            cut(r.name(), 1000),
                            r.type(),
                            r.itemId().orElse(null),
                            r.blocking(),
                            o.status().name(),
                            cut(o.summary(), 4000),
                            JsonText.write(o.measurements()),
                            JsonText.write(o.evidence()),
                            r.durationMs(),
                            now,
                            r.criterionId().orElse(null))
                    .update();
        }
        return jdbc.sql("UPDATE evaluations SET status = 'DONE', done = total, decision = ?, finished_at = ?,"
                                + " updated_at = ? WHERE id = ? AND status = 'RUNNING'")
                        .params(decision, now, now, id)
                        .update()
                == 1;
    }

    /** Closes a run that did not finish: FAILED or INTERRUPTED, with the reason. */
    public void close(long id, String status, String message, long now) {
        jdbc.sql("UPDATE evaluations SET status = ?, message = ?, finished_at = ?, updated_at = ? WHERE id = ?"
                        + " AND status = 'RUNNING'")
                .params(status, cut(message, 4000), now, now, id)
                .update();
    }

    /** Marks runs left RUNNING by a server that stopped without closing them. */
    public int interruptStale(long olderThan, long now) {
        return jdbc.sql("UPDATE evaluations SET status = 'INTERRUPTED', message = 'the server stopped during the run',"
                        + " finished_at = ?, updated_at = ? WHERE status = 'RUNNING' AND updated_at < ?")
                .params(now, now, olderThan)
                .update();
    }

    public Optional<Run> run(long launchId, long id) {
        return jdbc.sql(SELECT + " WHERE launch_id = ? AND id = ?")
                .params(launchId, id)
                .query(EvaluationStore::run)
                .optional();
    }

    public List<Run> runs(long launchId) {
        return jdbc.sql(SELECT + " WHERE launch_id = ? ORDER BY id DESC")
                .param(launchId)
                .query(EvaluationStore::run)
                .list();
    }

    /** The newest finished run of this version of the launch. */
    public Optional<Run> latestDone(long launchId, int version) {
        return jdbc.sql(
                        SELECT
                                + " WHERE launch_id = ? AND version = ? AND status = 'DONE' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                .params(launchId, version)
                .query(EvaluationStore::run)
                .optional();
    }

    public List<CheckResult> results(long evaluationId) {
        return jdbc.sql("SELECT name, kind, item_id, blocking, status, summary, measurements, evidence, duration_ms,"
                        + " criterion_id FROM check_results WHERE evaluation_id = ? ORDER BY seq")
                .param(evaluationId)
                .query((rs, n) -> new CheckResult(
                        rs.getString(1),
                        rs.getString(2),
                        Optional.ofNullable(rs.getString(3)),
                        rs.getBoolean(4),
                        new Observation(
                                Status.valueOf(rs.getString(5)),
                                rs.getString(6),
                                JsonText.read(rs.getString(7)),
                                JsonText.readStrings(rs.getString(8))),
                        rs.getLong(9),
                        Optional.ofNullable(rs.getString(10))))
                .list();
    }

    /** One check's result at one time, for an item's history. */
    public record HistoryEntry(
            long evaluationId,
            long atMs,
            String check,
            String type,
            String status,
            String summary,
            java.util.Map<String, Object> measurements,
            long durationMs) {}

    /** Every result of the checks bound to an item, newest first. */
    public List<HistoryEntry> history(long launchId, String itemId, int limit) {
        return jdbc.sql("SELECT evaluation_id, at_ms, name, kind, status, summary, measurements, duration_ms"
                        + " FROM check_results WHERE launch_id = ? AND item_id = ? ORDER BY at_ms DESC, evaluation_id DESC FETCH FIRST "
                        + limit + " ROWS ONLY")
                .params(launchId, itemId)
                .query((rs, n) -> new HistoryEntry(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        JsonText.read(rs.getString(7)),
                        rs.getLong(8)))
                .list();
    }

    private static final String SELECT = "SELECT id, launch_id, version, trigger_kind, status, message, total, done,"
            + " decision, requested_by, started_at, finished_at FROM evaluations";

    private static Run run(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long finished = rs.getLong(12);
        Optional<Long> finishedAt = rs.wasNull() ? Optional.empty() : Optional.of(finished);
        return new Run(
                rs.getLong(1),
                rs.getLong(2),
                rs.getInt(3),
                rs.getString(4),
                rs.getString(5),
                Optional.ofNullable(rs.getString(6)),
                rs.getInt(7),
                rs.getInt(8),
                Optional.ofNullable(rs.getString(9)),
                rs.getString(10),
                rs.getLong(11),
                finishedAt);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
