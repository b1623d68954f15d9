package io.golive.server.secret;

import static java.util.Objects.requireNonNull;

import io.golive.ConflictException;
import io.golive.InputException;
import io.golive.server.audit.AuditLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Secrets kept by the server for {@code ${NAME}} references in specs, sealed with AES-GCM under the
 * key from {@code golive.secrets.key}. Values go in and are opened only to load a spec; what is read
 * out (list, audit, logs) is names, times and who set them.
 */
public final class SecretStore {
    private static final Logger LOG = LoggerFactory.getLogger(SecretStore.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

    /** A stored secret as it may be shown: never its value. @param readable sealed under the current key */
    public record SecretInfo(String name, long updatedAt, String updatedBy, boolean readable) {}

    private final JdbcClient jdbc;
    private final Optional<SecretBox> box;
    private final AuditLog audit;
    private final Clock clock;

    public SecretStore(JdbcClient jdbc, Optional<SecretBox> box, AuditLog audit, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "null jdbc");
        this.box = requireNonNull(box, "null box");
        this.audit = requireNonNull(audit, "null audit");
        this.clock = requireNonNull(clock, "null clock");
    }

    /** Stores or replaces a secret; call within a transaction. */
    public SecretInfo put(String user, String name, String value) {
        requireName(name);
        SecretBox b = box.orElseThrow(() -> new ConflictException(
                "no secrets key: set GOLIVE_SECRETS_KEY (base64 of 32 random bytes: openssl rand -base64 32)"
                        + " to store secrets, or give the server the value as an environment variable"));
        long now = clock.millis();
        String sealed = b.seal(name, value);
        int updated = jdbc.sql(
                        "UPDATE secrets SET sealed = ?, key_id = ?, updated_at = ?, updated_by = ? WHERE name = ?")
                .params(sealed, b.keyId(), now, user, name)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO secrets (name, sealed, key_id, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")
                    .params(name, sealed, b.keyId(), now, user)
                    .update();
        }
        audit.append(user, updated == 0 ? "secret.create" : "secret.replace", Optional.empty(), name, "", "");
        return new SecretInfo(name, now, user, true);
    }

    /** Removes a secret; false when there was none. Call within a transaction. */
    public boolean delete(String user, String name) {
        requireName(name);
        boolean gone =
                jdbc.sql("DELETE FROM secrets WHERE name = ?").param(name).update() > 0;
        if (gone) {
            audit.append(user, "secret.delete", Optional.empty(), name, "", "");
        }
        return gone;
    }

    /** Every stored secret by name, without values. */
    public List<SecretInfo> list() {
        String current = box.map(SecretBox::keyId).orElse("");
        return jdbc.sql("SELECT name, updated_at, updated_by, key_id FROM secrets ORDER BY name")
                .query((rs, n) -> new SecretInfo(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4).equals(current)))
                .list();
    }

    /**
     * Every secret that opens under the current key, by name, for substitution into a spec. One sealed
     * under another key, or damaged, is left out with a warning naming it (never its value): a spec
     * that needs it then reports the name as not set.
     */
    public Map<String, String> opened() {
        Map<String, String> out = new LinkedHashMap<>();
        record Row(String name, String sealed, String keyId) {}
        List<Row> rows = jdbc.sql("SELECT name, sealed, key_id FROM secrets ORDER BY name")
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        for (Row r : rows) {
            if (box.isEmpty() || !box.get().keyId().equals(r.keyId())) {
                LOG.warn("secret {} was stored under another key (id {}) and cannot be read", r.name(), r.keyId());
                continue;
            }
            try {
                out.put(r.name(), box.get().open(r.name(), r.sealed()));
            } catch (IllegalArgumentException e) {
                LOG.warn(e.getMessage());
            }
        }
        return out;
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InputException(
                    "invalid secret name",
                    List.of("name: letters, digits and _, not starting with a digit, at most 100 (as in ${NAME})"));
        }
    }
}
