package io.golive.server.signoff;

import io.golive.InputException;
import io.golive.NotAllowedException;
import io.golive.NotFoundException;
import io.golive.server.audit.AuditLog;
import io.golive.server.security.Roles;
import io.golive.server.signoff.SignoffStore.SignoffRow;
import io.golive.server.signoff.SignoffStore.WaiverRow;
import io.golive.server.store.LaunchStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-offs and waivers. Only a holder of role X signs for X (an admin is no exception); a waiver is
 * approved by an admin or a holder of one of the checklist's sign-off roles.
 */
public final class SignoffService {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SignoffStore store;
    private final LaunchStore launches;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final LongFunction<Snapshot> current;

    /**
     * @param current builds the launch's current state (inside the caller's transaction): the sign-off
     *     roles its checklist names, its item ids and the evidence digest
     */
    public SignoffService(
            SignoffStore store,
            LaunchStore launches,
            AuditLog audit,
            TransactionTemplate tx,
            Clock clock,
            LongFunction<Snapshot> current) {
        this.store = store;
        this.launches = launches;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.current = current;
    }

    /** What a sign-off or waiver is checked against. */
    public record Snapshot(List<String> roles, Set<String> itemIds, String digest) {}

    /** Records a verdict of {@code role}; the user must hold it. */
    public SignoffRow sign(
            String user, Set<String> userRoles, long id, String role, String verdict, Optional<String> comment) {
        return tx.execute(s -> {
            launches.lock(id).orElseThrow(() -> new NotFoundException("no launch " + id));
            Snapshot now = current.apply(id);
            String named = now.roles().stream()
                    .filter(r -> Roles.same(r, role))
                    .findFirst()
                    .orElseThrow(() -> new InputException(
                            "the checklist asks no sign-off from '" + role + "' (roles: "
                                    + String.join(", ", now.roles()) + ")",
                            List.of()));
            if (userRoles.stream().noneMatch(r -> Roles.same(r, named))) {
                throw new NotAllowedException(user + " does not hold the role '" + named + "' and cannot sign for it");
            }
            SignoffRow row = new SignoffRow(0, named, user, verdict, comment, now.digest(), clock.millis());
            long rowId = store.addSignoff(id, row);
            launches.touch(id);
            audit.append(
                    user,
                    "signoff." + verdict.toLowerCase(java.util.Locale.ROOT),
                    Optional.of(id),
                    named,
                    "",
                    JSON.writeValueAsString(
                            Map.of("verdict", verdict, "comment", comment.orElse(""), "digest", now.digest())));
            return new SignoffRow(rowId, named, user, verdict, comment, now.digest(), row.atMs());
        });
    }

    /** Records a waiver of an item until {@code expires}. */
    public WaiverRow waive(String user, Set<String> userRoles, long id, String item, String reason, Instant expires) {
        return tx.execute(s -> {
            launches.lock(id).orElseThrow(() -> new NotFoundException("no launch " + id));
            Snapshot now = current.apply(id);
            if (!now.itemIds().contains(item)) {
                throw new NotFoundException("launch " + id + " has no item '" + item + "'");
            }
            boolean admin = userRoles.contains(Roles.ADMIN);
            boolean signer =
                    now.roles().stream().anyMatch(r -> userRoles.stream().anyMatch(u -> Roles.same(u, r)));
            if (!admin && !signer) {
                throw new NotAllowedException(
                        "a waiver is approved by an admin or a holder of a sign-off role of this checklist ("
                                + String.join(", ", now.roles()) + ")");
            }
            long at = clock.millis();
            if (expires.toEpochMilli() <= at) {
                throw new InputException("invalid waiver", List.of("expires: must be in the future"));
            }
            WaiverRow row = new WaiverRow(0, item, reason, user, expires.toEpochMilli(), at);
            long rowId = store.addWaiver(id, row);
            launches.touch(id);
            audit.append(
                    user,
                    "waiver.create",
                    Optional.of(id),
                    item,
                    "",
                    JSON.writeValueAsString(Map.of("reason", reason, "expires", expires.toString())));
            return new WaiverRow(rowId, item, reason, user, row.expiresAt(), at);
        });
    }
}
