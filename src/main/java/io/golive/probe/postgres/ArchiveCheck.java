package io.golive.probe.postgres;

import io.golive.probe.Observation;
import io.golive.spec.Durations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recovery point: WAL archiving must be on, not failing, and the last segment archived recently
 * enough (pg_stat_archiver), since every write after it would be lost with the server. The archive
 * command itself is never shown: it may carry a storage credential.
 */
final class ArchiveCheck implements PgCheck {
    /** What pg_stat_archiver and the settings say; times and age are null when nothing was archived. */
    record Archiver(
            String mode,
            boolean hasCommand,
            long archived,
            String lastWal,
            Timestamp lastTime,
            long failed,
            String lastFailedWal,
            Timestamp lastFailedTime,
            Double ageSeconds) {}

    static final String SQL = "SELECT current_setting('archive_mode'),"
            + " coalesce(current_setting('archive_command'), '') NOT IN ('', '(disabled)')"
            + " OR coalesce(current_setting('archive_library', true), '') <> '',"
            + " archived_count, last_archived_wal, last_archived_time,"
            + " failed_count, last_failed_wal, last_failed_time,"
            + " extract(epoch FROM now() - last_archived_time)::float8"
            + " FROM pg_stat_archiver";

    private final Duration maxAge;

    ArchiveCheck(Duration maxAge) {
        this.maxAge = maxAge;
    }

    @Override
    public Observation run(Connection connection, Duration timeout) throws SQLException {
        try (Statement st = PgCheck.statement(connection, timeout);
                ResultSet rs = st.executeQuery(SQL)) {
            if (!rs.next()) {
                return Observation.error("no data: pg_stat_archiver returned no row");
            }
            Archiver a = new Archiver(
                    rs.getString(1),
                    rs.getBoolean(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getTimestamp(5),
                    rs.getLong(6),
                    rs.getString(7),
                    rs.getTimestamp(8),
                    (Double) rs.getObject(9));
            Observation o = judge(a).withEvidence("archiveMode", a.mode());
            return a.lastWal() == null
                    ? o
                    : o.withEvidence(
                            "lastArchived", a.lastWal() + " at " + a.lastTime().toInstant());
        }
    }

    Observation judge(Archiver a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("archivedCount", a.archived());
        m.put("failedCount", a.failed());
        if (a.ageSeconds() != null) {
            m.put("archiveAgeSeconds", PgValues.round(Math.round(a.ageSeconds())));
        }
        if (a.mode().equals("off")) {
            return Observation.fail(
                    "WAL archiving is off (archive_mode = off): no recovery point beyond the last backup", m);
        }
        if (!a.hasCommand()) {
            return Observation.fail("WAL archiving is on but archive_command is empty: no WAL is archived", m);
        }
        boolean failing = a.lastFailedTime() != null
                && (a.lastTime() == null || a.lastFailedTime().after(a.lastTime()));
        if (failing) {
            return Observation.fail(
                    "WAL archiving is failing: " + a.lastFailedWal() + " failed at "
                            + a.lastFailedTime().toInstant() + " (" + a.failed() + " failures)",
                    m);
        }
        if (a.ageSeconds() == null) {
            return Observation.fail("no WAL segment archived yet", m);
        }
        String age = "last WAL segment archived " + ago(a.ageSeconds());
        if (a.ageSeconds() * 1000 >= maxAge.toMillis()) {
            return Observation.fail(age + " (not < " + Durations.format(maxAge) + ")", m);
        }
        return Observation.pass(age + " (< " + Durations.format(maxAge) + ")", m);
    }

    private static String ago(double seconds) {
        long s = Math.round(seconds);
        if (s < 120) {
            return s + " s ago";
        }
        return s < 7200 ? s / 60 + " min ago" : PgValues.format(Math.round(s / 360.0) / 10.0) + " h ago";
    }
}
