package io.golive.server.notify;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What each launch was last told about ({@code notify_marks}): its decision, the evidence digest a role
 * was last asked to sign on, when an item was last reminded of. Callers hold the launch's row lock, so
 * replicas take turns and each change is told once.
 */
final class NotifyMarks {
    private final JdbcClient jdbc;

    NotifyMarks(JdbcClient jdbc) {
        this.jdbc = requireNonNull(jdbc, "null jdbc");
    }

    /** Every mark of the launch by name. */
    Map<String, String> all(long launchId) {
        return jdbc
                .sql("SELECT name, mark FROM notify_marks WHERE launch_id = ?")
                .param(launchId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Sets {@code name} to {@code mark}; returns the mark it had. Call with the launch's row locked. */
    Optional<String> set(long launchId, String name, String mark) {
        Optional<String> before = jdbc.sql("SELECT mark FROM notify_marks WHERE launch_id = ? AND name = ?")
                .params(launchId, name)
                .query(String.class)
                .optional();
        if (before.isEmpty()) {
            jdbc.sql("INSERT INTO notify_marks (launch_id, name, mark) VALUES (?, ?, ?)")
                    .params(launchId, name, mark)
                    .update();
        } else if (!before.get().equals(mark)) {
            jdbc.sql("UPDATE notify_marks SET mark = ? WHERE launch_id = ? AND name = ?")
                    .params(mark, launchId, name)
                    .update();
        }
        return before;
    }
}
