package io.golive.server.security;

import io.golive.server.audit.AuditLog;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the first admin on an empty database (password from GOLIVE_ADMIN_PASSWORD, or generated and
 * printed once on standard output, never logged) and audits failed logins.
 */
@Component
class AccountEvents implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AccountEvents.class);

    private final Accounts accounts;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Map<String, String> env;
    private final PrintStream out;

    @Autowired
    AccountEvents(Accounts accounts, AuditLog audit, TransactionTemplate tx) {
        this(accounts, audit, tx, System.getenv(), System.out);
    }

    AccountEvents(Accounts accounts, AuditLog audit, TransactionTemplate tx, Map<String, String> env, PrintStream out) {
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
        this.env = env;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.noUsers()) {
            return;
        }
        String given = env.get("GOLIVE_ADMIN_PASSWORD");
        String password = given == null || given.isBlank() ? Accounts.generatePassword() : given;
        try {
            tx.executeWithoutResult(
                    s -> accounts.addUser("golive", "admin", Optional.of(password), List.of(Roles.ADMIN)));
        } catch (DataIntegrityViolationException e) {
            return; // another replica created it first
        }
        if (given == null || given.isBlank()) {
            out.println("golive: created user 'admin' with the generated password " + password);
            out.println("golive: it is shown this once; set another with: golive user add admin --password-stdin");
            out.flush();
        }
        LOG.info("created the first admin account 'admin'");
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        try {
            tx.executeWithoutResult(s -> audit.append(
                    "anonymous",
                    "login.failed",
                    Optional.empty(),
                    name.length() > 200 ? name.substring(0, 200) : name,
                    "",
                    event.getException().getClass().getSimpleName()));
        } catch (RuntimeException e) {
            LOG.error("cannot audit a failed login", e);
        }
    }
}
