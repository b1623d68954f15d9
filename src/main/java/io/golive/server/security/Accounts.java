package io.golive.server.security;

import static java.util.Objects.requireNonNull;

import io.golive.InputException;
import io.golive.NotFoundException;
import io.golive.server.audit.AuditChain;
import io.golive.server.audit.AuditLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Local accounts, their roles and their API tokens. Passwords are hashed by the password encoder;
 * tokens are long random secrets stored as SHA-256 hashes, so checking one costs one digest, not a
 * slow password hash per request. Changes are audited; call within a transaction.
 */
public final class Accounts {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._@-]{1,200}");
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{1,250}");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final AuditLog audit;

    public Accounts(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, AuditLog audit) {
        this.jdbc = requireNonNull(jdbc, "null jdbc");
        this.encoder = requireNonNull(encoder, "null encoder");
        this.clock = requireNonNull(clock, "null clock");
        this.audit = requireNonNull(audit, "null audit");
    }

    /** A user as the server knows them. */
    public record User(long id, String name, Optional<String> passwordHash, Set<String> roles) {}

    /** Creates the user, or sets the password (when given) and adds the roles of an existing one. */
    public User addUser(String actor, String name, Optional<String> password, List<String> roles) {
        if (!NAME.matcher(name).matches()) {
            throw new InputException("user name '" + name + "': use letters, digits, '.', '_', '@' or '-'");
        }
        Set<String> wanted = new TreeSet<>();
        for (String r : roles) {
            if (r.isBlank() || r.length() > 200) {
                throw new InputException("role '" + r + "': a role is a name of 1 to 200 characters");
            }
            wanted.add(Roles.normalize(r));
        }
        Optional<User> existing = user(name);
        long id = existing.map(User::id).orElseGet(() -> insert(name));
        password.ifPresent(p -> jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
                .params(encoder.encode(p), id)
                .update());
        Set<String> before = existing.map(User::roles).orElse(Set.of());
        for (String r : wanted) {
            if (before.stream().noneMatch(b -> Roles.same(b, r))) {
                jdbc.sql("INSERT INTO user_roles (user_id, role) VALUES (?, ?)")
                        .params(id, r)
                        .update();
            }
        }
        User after = user(name).orElseThrow();
        audit.append(
                actor,
                existing.isPresent() ? "user.update" : "user.create",
                Optional.empty(),
                name,
                existing.map(u -> rolesJson(u.roles())).orElse(""),
                rolesJson(after.roles()) + (password.isPresent() ? " password set" : ""));
        return after;
    }

    /**
     * Sets the address sign-off requests for the user's roles are mailed to; audited. The user must
     * exist.
     */
    public void setEmail(String actor, String name, String email) {
        if (!EMAIL.matcher(email).matches()) {
            throw new InputException("e-mail address '" + email + "': expected NAME@DOMAIN");
        }
        int changed = jdbc.sql("UPDATE users SET email = ? WHERE name = ?")
                .params(email, name)
                .update();
        if (changed == 0) {
            throw new NotFoundException("no user " + name);
        }
        audit.append(actor, "user.email", Optional.empty(), name, "", email);
    }

    private long insert(String name) {
        jdbc.sql("INSERT INTO users (name, created_at) VALUES (?, ?)")
                .params(name, clock.millis())
                .update();
        return jdbc.sql("SELECT id FROM users WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private static String rolesJson(Set<String> roles) {
        return "roles=" + String.join(",", roles);
    }

    public Optional<User> user(String name) {
        Optional<Object[]> row = jdbc.sql("SELECT id, name, password_hash FROM users WHERE name = ?")
                .param(name)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                .optional();
        return row.map(
                r -> new User((Long) r[0], (String) r[1], Optional.ofNullable((String) r[2]), roles((Long) r[0])));
    }

    private Set<String> roles(long userId) {
        return new LinkedHashSet<>(jdbc.sql("SELECT role FROM user_roles WHERE user_id = ? ORDER BY role")
                .param(userId)
                .query(String.class)
                .list());
    }

    public boolean noUsers() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single() == 0;
    }

    /** A new API token for the user; the token itself is returned once and stored only as its hash. */
    public String createToken(String actor, String userName, String tokenName) {
        User u = user(userName)
                .orElseThrow(() -> new InputException("no user '" + userName + "' (add it with golive user add)"));
        if (tokenName.isBlank() || tokenName.length() > 200) {
            throw new InputException("token name: 1 to 200 characters");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "glv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(u.id(), tokenName, hashToken(token), clock.millis())
                .update();
        audit.append(actor, "token.create", Optional.empty(), userName, "", "token '" + tokenName + "'");
        return token;
    }

    /** The user a token belongs to, with the token's hash (the key of its rate limit). */
    public Optional<TokenOwner> byToken(String token) {
        return byTokenHash(hashToken(token));
    }

    /** The user a token with this SHA-256 belongs to. */
    public Optional<TokenOwner> byTokenHash(String hash) {
        return jdbc.sql("SELECT u.id, u.name FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?")
                .param(hash)
                .query((rs, n) -> new TokenOwner(rs.getString(2), hash, roles(rs.getLong(1))))
                .optional();
    }

    /** Who a valid token speaks for. */
    public record TokenOwner(String name, String tokenHash, Set<String> roles) {}

    public static String hashToken(String token) {
        return AuditChain.sha256Hex(token);
    }

    /** A random password for the first admin: 24 characters from a URL-safe alphabet. */
    public static String generatePassword() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
