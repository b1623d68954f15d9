package io.golive.server.signoff;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-offs and waivers of launches; both are only ever added, never changed. */
public final class SignoffStore {
    private final JdbcClient jdbc;

    public SignoffStore(JdbcClient jdbc) {
        this.jdbc = requireNonNull(jdbc, "null jdbc");
    }

    /**
     * A role's verdict on the evidence it saw.
     *
     * @param digest the evidence digest when it was given; it is stale once the current one differs
     */
    public record SignoffRow(
            long id, String role, String user, String verdict, Optional<String> comment, String digest, long atMs) {}

    /** An approved exception for one item, until it expires. */
    public record WaiverRow(long id, String itemId, String reason, String approver, long expiresAt, long createdAt) {}

    public long addSignoff(long launchId, SignoffRow s) {
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO signoffs (launch_id, role, user_name, verdict, comment_text, digest, at_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(launchId, s.role(), s.user(), s.verdict(), s.comment().orElse(null), s.digest(), s.atMs())
                .update(keys, "id");
        return requireNonNull(keys.getKeyAs(Long.class), "no generated id");
    }

    /** Every sign-off of the launch, oldest first. */
    public List<SignoffRow> signoffs(long launchId) {
        return jdbc.sql("SELECT id, role, user_name, verdict, comment_text, digest, at_ms FROM signoffs"
                        + " WHERE launch_id = ? ORDER BY id")
                .param(launchId)
                .query((rs, n) -> new SignoffRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Optional.ofNullable(rs.getString(5)),
                        rs.getString(6),
                        rs.getLong(7)))
                .list();
    }

    public long addWaiver(long launchId, WaiverRow w) {
        org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO waivers (launch_id, item_id, reason, approver, expires_at, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(launchId, w.itemId(), w.reason(), w.approver(), w.expiresAt(), w.createdAt())
                .update(keys, "id");
        return requireNonNull(keys.getKeyAs(Long.class), "no generated id");
    }

    /** Every waiver of the launch, oldest first, expired or not. */
    public List<WaiverRow> waivers(long launchId) {
        return jdbc.sql("SELECT id, item_id, reason, approver, expires_at, created_at FROM waivers"
                        + " WHERE launch_id = ? ORDER BY id")
                .param(launchId)
                .query((rs, n) -> new WaiverRow(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }
}
