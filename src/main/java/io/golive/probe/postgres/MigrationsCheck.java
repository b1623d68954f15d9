package io.golive.probe.postgres;

import io.golive.probe.Observation;
import io.golive.probe.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the migration history a tool keeps in the database (Flyway's {@code flyway_schema_history},
 * Liquibase's {@code databasechangelog}): every migration applied, none failed, the latest version
 * (Flyway) or tag (Liquibase) at least {@code minVersion}.
 */
final class MigrationsCheck implements PgCheck {
    /** One row of history: its version or tag (may be null), a label for people, and whether it failed. */
    record Applied(String version, String label, boolean failed) {}

    private static final String UNDEFINED_TABLE = "42P01";

    private final boolean flyway;
    private final String table;
    private final Optional<String> minVersion;

    MigrationsCheck(String tool, Optional<String> table, Optional<String> minVersion) {
        this.flyway = tool.equals("flyway");
        this.table = table.orElse(flyway ? "flyway_schema_history" : "databasechangelog");
        this.minVersion = minVersion;
    }

    @Override
    public Observation run(Connection connection, Duration timeout) throws SQLException {
        String sql = flyway
                ? "SELECT version, coalesce(version || ' ', '') || description, NOT success FROM " + table
                        + " WHERE type NOT IN ('SCHEMA', 'UNDO_SQL') ORDER BY installed_rank"
                : "SELECT tag, id || ' by ' || author || ' (' || filename || ')', exectype = 'FAILED' FROM " + table
                        + " ORDER BY orderexecuted";
        List<Applied> history = new ArrayList<>();
        try (Statement st = PgCheck.statement(connection, timeout);
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                history.add(new Applied(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
            }
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return Observation.error(
                                "no data: no table " + table + " (has " + tool() + " run against this database?)")
                        .withEvidence("query", sql);
            }
            throw e;
        }
        Observation o = judge(history).withEvidence("query", sql);
        Optional<String> lock = flyway ? Optional.empty() : heldLock(connection, timeout);
        if (lock.isPresent() && o.status() == Status.PASS) {
            // A lock left held means a migration is running now or died half-way.
            return new Observation(
                    Status.FAIL, "Liquibase: changelog lock " + lock.get(), o.measurements(), o.evidence());
        }
        return o;
    }

    /** The verdict on a history, oldest first. */
    Observation judge(List<Applied> history) {
        if (history.isEmpty()) {
            return Observation.error("no data: " + table + " records no migration");
        }
        List<String> failed =
                history.stream().filter(Applied::failed).map(Applied::label).toList();
        Optional<String> latest = history.stream()
                .filter(a -> !a.failed() && a.version() != null)
                .map(Applied::version)
                .max(Versions::compare);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("applied", history.size() - failed.size());
        m.put("failed", failed.size());
        latest.ifPresent(v -> m.put("latestVersion", v));
        if (!failed.isEmpty()) {
            return Observation.fail(tool() + ": " + failed.size() + " failed: " + String.join(", ", failed), m);
        }
        String what = flyway ? "version" : "tag";
        if (minVersion.isPresent() && latest.isEmpty()) {
            return Observation.fail(tool() + ": no " + what + " applied (need " + minVersion.get() + " or later)", m);
        }
        if (minVersion.isPresent() && Versions.compare(latest.get(), minVersion.get()) < 0) {
            return Observation.fail(
                    tool() + ": latest " + what + " " + latest.get() + " is older than " + minVersion.get(), m);
        }
        return Observation.pass(
                tool() + ": " + m.get("applied") + " applied, none failed"
                        + latest.map(v -> ", latest " + what + " " + v).orElse(""),
                m);
    }

    private Optional<String> heldLock(Connection connection, Duration timeout) throws SQLException {
        try (Statement st = PgCheck.statement(connection, timeout);
                ResultSet rs =
                        st.executeQuery("SELECT locked, lockedby, lockgranted FROM " + table + "lock WHERE locked")) {
            return rs.next()
                    ? Optional.of("held by " + rs.getString(2) + " since " + rs.getString(3))
                    : Optional.empty();
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String tool() {
        return flyway ? "Flyway" : "Liquibase";
    }
}
