package io.golive.server.demo;

import io.golive.server.audit.AuditLog;
import io.golive.server.security.Accounts;
import io.golive.server.security.Roles;
import io.golive.server.store.Database;
import io.golive.server.store.DatabaseLocation;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The demo's accounts: an admin, an editor and one user for each sign-off role of the sample
 * checklists. Every start gives them new passwords and new API tokens, shown once by the demo.
 */
public final class DemoAccounts {
    /** The user who signs for the CTO. */
    public static final String CTO = "cto";
    /** The user who signs for the Security Lead. */
    public static final String SECURITY = "security";

    /**
     * A demo user with the secrets made for this start.
     *
     * @param token an API token, for the users the tour's curl examples act as
     */
    public record Account(String name, List<String> roles, String password, Optional<String> token) {}

    private record Wanted(String name, List<String> roles, boolean token) {}

    private static final List<Wanted> USERS = List.of(
            new Wanted("admin", List.of(Roles.ADMIN), false),
            new Wanted("editor", List.of(Roles.EDITOR), true),
            new Wanted(CTO, List.of("CTO"), true),
            new Wanted(SECURITY, List.of("Security Lead"), true));

    private DemoAccounts() {}

    /**
     * Creates the accounts (or gives existing ones new passwords) before the server starts, so that the
     * server's first start finds an admin and prints no password of its own.
     */
    public static List<Account> create(DatabaseLocation location, Clock clock) {
        try (Database db = Database.open(location)) {
            Accounts accounts = new Accounts(
                    db.jdbc(),
                    PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                    clock,
                    new AuditLog(db.jdbc(), clock));
            return db.tx()
                    .execute(s -> USERS.stream().map(u -> create(accounts, u)).toList());
        }
    }

    private static Account create(Accounts accounts, Wanted u) {
        String password = Accounts.generatePassword();
        accounts.addUser("demo", u.name(), Optional.of(password), u.roles());
        Optional<String> token =
                u.token() ? Optional.of(accounts.createToken("demo", u.name(), "demo")) : Optional.empty();
        return new Account(u.name(), u.roles(), password, token);
    }
}
